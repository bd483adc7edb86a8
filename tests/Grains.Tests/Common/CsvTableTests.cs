using System.Text;
using Lianxin.Common;

namespace Lianxin.Grains.Tests.Common;

public sealed class CsvTableTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("-x", "'-x")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tindent", "'\tindent")]
    [InlineData("海韵社区", "海韵社区")]
    public void TextThatASpreadsheetWouldRunIsDefused(string text, string written) =>
        Assert.Equal(written, CsvTable.Defuse(text));

    [Fact]
    public void NumbersStayNumbersAndTextIsQuotedWhenItMustBe()
    {
        var csv = CsvTable.Text(["a", "b", "c"], [[-1.5, "x,\"y\"", "-1+1"]]);

        Assert.Equal("a,b,c\r\n-1.5,\"x,\"\"y\"\"\",'-1+1\r\n", csv);
    }

    [Fact]
    public void FilesStartWithTheUtf8ByteOrderMark()
    {
        var bytes = CsvTable.Utf8WithBom("名称\r\n");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("名称\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
