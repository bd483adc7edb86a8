using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// The Kubernetes manifests as <c>kubectl kustomize k8s/</c> renders them, read back as YAML documents. kubectl is
/// required: ./test.sh installs it, and without it these tests fail rather than skip.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Lazy<Task<IReadOnlyList<JsonObject>>> Rendered = new(RenderAsync);

    [Fact]
    public async Task TheManifestsRenderWithoutErrorsOrWarnings()
    {
        var documents = await Rendered.Value;
        Assert.Equal(
            ["ConfigMap", "Deployment", "Job", "Namespace", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount"],
            documents.Select(d => Text(d, "kind")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SilosLearnTheirPodNameAndIpAndExposeNamedPortsAndProbes()
    {
        var container = Container(await SiloAsync());
        var env = container["env"]!.AsArray().Select(e => e!.AsObject()).ToDictionary(e => Text(e, "name"));

        Assert.Equal("metadata.name", Text(env["POD_NAME"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", Text(env["POD_IP"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("$(POD_IP)", Text(env["Cluster__AdvertisedAddress"], "value"));
        var ports = container["ports"]!.AsArray().ToDictionary(p => Text(p!, "name"), p => Text(p!, "containerPort"));
        Assert.Equal("11111", ports["silo"]);
        Assert.Equal("30000", ports["gateway"]);
        Assert.Contains("http", ports.Keys);
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("http", Text(container, probe, "httpGet", "port"));
        }
    }

    [Fact]
    public async Task ARollingUpdateNeverTakesASiloAwayBeforeItsReplacementAndWaitsForTheGracefulShutdown()
    {
        var documents = await Rendered.Value;
        var silo = await SiloAsync();
        var config = documents.Single(d => Text(d, "kind") == "ConfigMap");
        var shutdown = TimeSpan.Parse(Text(config, "data", "Cluster__ShutdownTimeout"), CultureInfo.InvariantCulture);
        var grace = int.Parse(Text(silo, "spec", "template", "spec", "terminationGracePeriodSeconds"), CultureInfo.InvariantCulture);

        Assert.Equal("0", Text(silo, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.True(grace > shutdown.TotalSeconds, $"terminationGracePeriodSeconds {grace} must exceed the shutdown timeout {shutdown}");
        var labels = silo["spec"]!["selector"]!["matchLabels"]!.AsObject();
        Assert.Contains(documents.Where(d => Text(d, "kind") == "PodDisruptionBudget"), pdb =>
            labels.All(l => pdb["spec"]?["selector"]?["matchLabels"]?[l.Key]?.GetValue<string>() == l.Value!.GetValue<string>()));
    }

    [Fact]
    public async Task WebHostsSitBehindAStickyServiceAndEveryPodReadsTheSharedConfigurationAndSecret()
    {
        var documents = await Rendered.Value;
        var webService = documents.Single(d => Text(d, "kind") == "Service" && Text(d, "metadata", "name") == "lianxin-webhost");
        var configName = Text(documents.Single(d => Text(d, "kind") == "ConfigMap"), "metadata", "name");
        var secretName = Text(documents.Single(d => Text(d, "kind") == "Secret"), "metadata", "name");
        var schemaJob = documents.Single(d => Text(d, "kind") == "Job");

        Assert.Equal("ClientIP", Text(webService, "spec", "sessionAffinity"));
        var pods = documents.Where(d => Text(d, "kind") == "Deployment").Append(schemaJob).ToList();
        Assert.Equal(3, pods.Count);
        foreach (var pod in pods)
        {
            var sources = Container(pod)["envFrom"]!.AsArray();
            Assert.Contains(sources, s => s?["configMapRef"]?["name"]?.GetValue<string>() == configName);
            Assert.Contains(sources, s => s?["secretRef"]?["name"]?.GetValue<string>() == secretName);
        }

        Assert.Equal(["migrate"], Container(schemaJob)["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(Text(Container(await SiloAsync()), "image"), Text(Container(schemaJob), "image"));
    }

    private static async Task<JsonObject> SiloAsync() =>
        (await Rendered.Value).Single(d => Text(d, "kind") is "Deployment" or "StatefulSet" && Text(d, "metadata", "name") == "lianxin-silo");

    private static JsonObject Container(JsonObject workload) =>
        workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!.AsObject();

    private static string Text(JsonNode node, params string[] path)
    {
        var current = node;
        foreach (var step in path)
        {
            current = current[step] ?? throw new KeyNotFoundException($"No '{step}' in {string.Join('.', path)} of {node.ToJsonString()[..Math.Min(200, node.ToJsonString().Length)]}");
        }

        return current.GetValue<string>();
    }

    private static async Task<IReadOnlyList<JsonObject>> RenderAsync()
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(RepositoryRoot(), "k8s")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var errors = kubectl.StandardError.ReadToEndAsync();
        await kubectl.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(kubectl.ExitCode == 0 && (await errors).Length == 0, $"kubectl kustomize k8s/ exited {kubectl.ExitCode}: {await errors}");

        var stream = new YamlStream();
        stream.Load(new StringReader(await output));
        return [.. stream.Documents.Select(d => (JsonObject)ToJson(d.RootNode))];
    }

    /// <summary>YAML as JSON nodes; scalars stay strings, as they are written.</summary>
    private static JsonNode ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, (JsonNode?)ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lianxin.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"The repository root (Lianxin.slnx) was not found above {AppContext.BaseDirectory}.");
    }
}
