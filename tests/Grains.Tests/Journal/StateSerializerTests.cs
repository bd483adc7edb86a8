using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Hosting.Database;
using Lianxin.Kiosks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Lianxin.Grains.Tests.Journal;

/// <summary>
/// The live storage's serializer must write what Orleans' own grain-storage serializer wrote, byte for byte: states
/// stored before it came are read by it, and a state it stores reads back the same.
/// </summary>
public sealed class StateSerializerTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(VisitTable).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void AStateIsWrittenAsOrleansWroteItAndReadsBackTheSame()
    {
        // Large enough to span many of the pooled buffer's segments (a busy center's day of visits).
        var visits = new VisitTable();
        for (var i = 0; i < 20_000; i++)
        {
            var at = Nine.AddSeconds(i);
            visits.Add(new VisitRow(Guid.NewGuid(), $"p{i % 3_000}", PersonRole.Visitor, BasicFunction.ConvenienceServices, $"k{i % 7}", at, i % 2 == 0 ? at.AddMinutes(30) : null));
        }

        var earlier = new OrleansGrainStorageSerializer(_serializer).Serialize(visits).ToArray();
        var serializer = new StateSerializer(_serializer);
        var written = serializer.Serialize(visits).ToArray();

        Assert.Equal(earlier, written);
        var read = serializer.Deserialize<VisitTable>(new BinaryData(earlier));
        Assert.Equal(visits.Count, read.Count);
        Assert.Equal(written, serializer.Serialize(read).ToArray());
    }
}
