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
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Job", "Namespace", "NetworkPolicy", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount"],
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

    [Fact]
    public async Task OnlySilosAndWebHostsReachTheSiloPortsAndOnlyTheIngressReachesTheWebHosts()
    {
        var documents = await Rendered.Value;
        var policies = documents.Where(d => Text(d, "kind") == "NetworkPolicy").ToList();
        var silo = Policy(policies, "lianxin-silo");
        var web = Policy(policies, "lianxin-webhost");

        Assert.Equal(["Ingress"], silo["spec"]!["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        var siloPorts = Rule(silo, "11111");
        Assert.Equal(["11111", "30000"], siloPorts["ports"]!.AsArray().Select(p => Text(p!, "port")).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["lianxin-silo", "lianxin-webhost"],
            siloPorts["from"]!.AsArray().Select(f => Text(f!, "podSelector", "matchLabels", "app.kubernetes.io/name")).Order(StringComparer.Ordinal));
        // No other rule opens the silo or gateway port to anyone else.
        Assert.Single(silo["spec"]!["ingress"]!.AsArray(), r => r!["ports"]!.AsArray().Any(p => Text(p!, "port") is "11111" or "30000"));
        var webRule = Rule(web, "8080");
        Assert.Equal("ingress-nginx", Text(webRule["from"]!.AsArray().Single()!, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        foreach (var policy in new[] { silo, web })
        {
            Assert.Equal("monitoring", Text(Rule(policy, "9464")["from"]!.AsArray().Single()!, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        }
    }

    [Fact]
    public async Task SilosSpreadOverNodesAndWebHostsScaleWithTheirLoad()
    {
        var documents = await Rendered.Value;
        var silo = await SiloAsync();
        var web = WebHost(documents);
        var hpa = documents.Single(d => Text(d, "kind") == "HorizontalPodAutoscaler");

        var spread = silo["spec"]!["template"]!["spec"]!["topologySpreadConstraints"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var perNode = spread.Single(c => Text(c, "topologyKey") == "kubernetes.io/hostname");
        Assert.Equal("1", Text(perNode, "maxSkew"));
        Assert.Equal("DoNotSchedule", Text(perNode, "whenUnsatisfiable"));
        Assert.Equal("lianxin-silo", Text(perNode, "labelSelector", "matchLabels", "app.kubernetes.io/name"));
        Assert.Equal("Deployment", Text(hpa, "spec", "scaleTargetRef", "kind"));
        Assert.Equal(Text(web, "metadata", "name"), Text(hpa, "spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse(Text(hpa, "spec", "minReplicas"), CultureInfo.InvariantCulture) >= 2);
        Assert.Null(web["spec"]!["replicas"]);
    }

    [Fact]
    public async Task PodsHaveAWritableTmpAndAnnounceTheirScrapePortAndWebHostsRideOutABlip()
    {
        var documents = await Rendered.Value;
        var config = documents.Single(d => Text(d, "kind") == "ConfigMap");
        var metricsPort = Text(config, "data", "Telemetry__PrometheusPort");
        var web = WebHost(documents);

        foreach (var workload in new[] { await SiloAsync(), web })
        {
            var pod = workload["spec"]!["template"]!.AsObject();
            var container = Container(workload);
            Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
            var mount = container["volumeMounts"]!.AsArray().Single(m => Text(m!, "mountPath") == "/tmp")!;
            var volume = pod["spec"]!["volumes"]!.AsArray().Single(v => Text(v!, "name") == Text(mount, "name"))!;
            Assert.NotNull(volume["emptyDir"]);
            Assert.Equal("true", Text(pod, "metadata", "annotations", "prometheus.io/scrape"));
            Assert.Equal(metricsPort, Text(pod, "metadata", "annotations", "prometheus.io/port"));
            Assert.Equal("/metrics", Text(pod, "metadata", "annotations", "prometheus.io/path"));
            Assert.Contains(container["ports"]!.AsArray(), p => Text(p!, "name") == "metrics" && Text(p!, "containerPort") == metricsPort);
        }

        var readiness = Container(web)["readinessProbe"]!;
        var tolerated = int.Parse(Text(readiness, "periodSeconds"), CultureInfo.InvariantCulture) * int.Parse(Text(readiness, "failureThreshold"), CultureInfo.InvariantCulture);
        Assert.True(tolerated >= 30, $"a web host leaves the Service after {tolerated} s of failed readiness; a database or cluster blip must not do that");
    }

    [Fact]
    public void ImagesRunOnTheChiseledExtraRuntimeAndBuildTheDashboardOnASupportedNodeLts()
    {
        foreach (var dockerfile in new[] { "Silo/Dockerfile", "WebHost/Dockerfile" })
        {
            var stages = File.ReadAllLines(Path.Combine(RepositoryRoot(), dockerfile)).Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
            Assert.Equal("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra", stages[^1]);
        }

        var node = File.ReadAllLines(Path.Combine(RepositoryRoot(), "WebHost/Dockerfile")).Single(l => l.StartsWith("FROM node:", StringComparison.Ordinal));
        var major = int.Parse(node["FROM node:".Length..].Split('-', '.', ' ')[0], CultureInfo.InvariantCulture);
        // Even majors are the LTS lines; 20 ended in April 2026.
        Assert.True(major % 2 == 0 && major >= 22, node);
    }

    private static JsonObject Policy(IEnumerable<JsonObject> policies, string name) => policies.Single(p => Text(p, "metadata", "name") == name);

    private static JsonObject Rule(JsonObject policy, string port) =>
        policy["spec"]!["ingress"]!.AsArray().Single(r => r!["ports"]!.AsArray().Any(p => Text(p!, "port") == port))!.AsObject();

    private static JsonObject WebHost(IEnumerable<JsonObject> documents) =>
        documents.Single(d => Text(d, "kind") == "Deployment" && Text(d, "metadata", "name") == "lianxin-webhost");

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
