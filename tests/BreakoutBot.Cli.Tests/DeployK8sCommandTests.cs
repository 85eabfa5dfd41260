using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace BreakoutBot.Cli.Tests;

public sealed partial class DeployK8sCommandTests : IDisposable
{
    private static readonly string[] Projects = ["api", "backtester", "exchange-sim", "executor", "scanner", "web"];
    private static readonly string[] Containers = ["postgres", "redis"];
    private static readonly string[] SecretParameters = ["api-key-automation", "console-admin-password", "api-key-web", "bybit-api-key", "bybit-api-secret", "postgres-password", "redis-password", "redis-scanner-password", "redis-executor-password", "redis-api-password"];

    private readonly DeployManifests _manifests = new();

    public void Dispose() => _manifests.Dispose();

    [Fact]
    public void Run_RealManifest_WritesOneFilePerResourceAndAKustomizationListingThem()
    {
        var run = Generate();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var expected = Projects.Concat(Containers).Concat(SecretParameters).Append("db-migrator").Select(name => $"{name}.yaml")
            .Append("namespace.yaml").Append("kustomization.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(_manifests.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var listed = File.ReadAllLines(Path.Combine(_manifests.OutputDirectory, "kustomization.yaml"))
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[2..]);
        Assert.Equal(expected.Where(file => file != "kustomization.yaml"), listed.Order(StringComparer.Ordinal));
        Assert.Contains("namespace: breakoutbot", File.ReadAllText(Path.Combine(_manifests.OutputDirectory, "kustomization.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RealManifest_EachProjectBecomesADeploymentWithProbesAndAClusterIpService()
    {
        var run = Generate("--image-registry", "registry.example/acme/", "--image-tag", "1.2.3", "--namespace", "trading");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        foreach (var project in Projects)
        {
            var objects = Load($"{project}.yaml");
            var deployment = Assert.IsType<V1Deployment>(objects[0]);
            var service = Assert.IsType<V1Service>(objects[1]);
            Assert.IsType<V1NetworkPolicy>(objects[2]);
            Assert.Equal(3, objects.Count);
            Assert.Equal((project, "trading", 1), (deployment.Metadata.Name, deployment.Metadata.NamespaceProperty, deployment.Spec.Replicas));
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            // The repository is the csproj's ContainerRepository (breakoutbot/<service>), not just the resource name.
            Assert.Equal($"registry.example/acme/breakoutbot/{project}:1.2.3", container.Image);
            Assert.Equal(("/alive", 8080), (container.LivenessProbe.HttpGet.Path, int.Parse(container.LivenessProbe.HttpGet.Port.Value, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.StartupProbe.HttpGet.Path);
            Assert.Equal("8080", Env(container, "HTTP_PORTS").Value);

            Assert.Equal(("ClusterIP", project, "trading"), (service.Spec.Type, service.Metadata.Name, service.Metadata.NamespaceProperty));
            var port = Assert.Single(service.Spec.Ports);
            Assert.Equal(("http", 80, "8080"), (port.Name, port.Port, port.TargetPort.Value));
            Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
            Assert.All(service.Spec.Selector, label => Assert.Equal(label.Value, deployment.Spec.Template.Metadata.Labels[label.Key]));
        }
    }

    [Fact]
    public void Run_RealManifest_OurPodsRunNonRootReadOnlyWithoutPrivileges_WithResourcesAndAWritableTmp()
    {
        var run = Generate();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var pods = Projects.Select(project => (project, Assert.IsType<V1Deployment>(Load($"{project}.yaml")[0]).Spec.Template.Spec))
            .Append(("db-migrator", Assert.IsType<V1Job>(Load("db-migrator.yaml")[0]).Spec.Template.Spec));
        foreach (var (name, pod) in pods)
        {
            Assert.Equal((true, 1654L, 1654L, "RuntimeDefault"), (pod.SecurityContext.RunAsNonRoot, pod.SecurityContext.RunAsUser, pod.SecurityContext.RunAsGroup, pod.SecurityContext.SeccompProfile.Type));
            var container = Assert.Single(pod.Containers);
            var security = container.SecurityContext;
            Assert.True(security.AllowPrivilegeEscalation == false && security.ReadOnlyRootFilesystem == true && security.RunAsNonRoot == true, name);
            Assert.Equal(["ALL"], security.Capabilities.Drop);
            Assert.True(container.Resources.Limits.ContainsKey("memory") && container.Resources.Requests.ContainsKey("memory") && container.Resources.Requests.ContainsKey("cpu"), name);
            Assert.False(container.Resources.Limits.ContainsKey("cpu"), $"{name}: no CPU limit (throttling adds latency)");
            var tmp = Assert.Single(container.VolumeMounts, mount => mount.MountPath == "/tmp");
            Assert.NotNull(Assert.Single(pod.Volumes, volume => volume.Name == tmp.Name).EmptyDir);
        }
    }

    [Fact]
    public void Run_RealManifest_EachWorkloadAdmitsOnlyWhatReferencesIt_TheConsoleAdmitsAnyone()
    {
        var run = Generate();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(["api", "backtester", "db-migrator", "executor", "scanner", "web"], Callers("postgres.yaml", 5432));
        Assert.Equal(["api", "executor", "scanner"], Callers("redis.yaml", 6379));
        Assert.Equal(["api", "executor", "scanner"], Callers("exchange-sim.yaml", 8080));
        Assert.Equal(["web"], Callers("api.yaml", 8080));
        Assert.Empty(Callers("executor.yaml", 8080));
        Assert.Empty(Callers("scanner.yaml", 8080));
        var web = Policy("web.yaml");
        var open = Assert.Single(web.Spec.Ingress);
        Assert.Null(open.FromProperty);
        Assert.Equal("8080", Assert.Single(open.Ports).Port.Value);
        foreach (var file in new[] { "api.yaml", "executor.yaml", "postgres.yaml", "redis.yaml" })
        {
            Assert.All(Policy(file).Spec.Ingress ?? [], rule => Assert.NotNull(rule.FromProperty));
        }
    }

    [Fact]
    public void Run_RealManifest_DbMigratorIsAJobThatRunsToCompletion_WithTheDatabaseButNoProbesOrService()
    {
        var run = Generate("--image-tag", "1.2.3");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var job = Assert.IsType<V1Job>(Assert.Single(Load("db-migrator.yaml")));
        Assert.Equal(("batch/v1", "db-migrator", "OnFailure"), (job.ApiVersion, job.Metadata.Name, job.Spec.Template.Spec.RestartPolicy));
        Assert.True(job.Spec.BackoffLimit > 0);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal("breakoutbot/db-migrator:1.2.3", container.Image);
        Assert.Null(container.ReadinessProbe);
        Assert.Null(container.Ports);
        Assert.Equal("postgres-password", Env(container, "BREAKOUTDB_PASSWORD").ValueFrom.SecretKeyRef.Name);
        Assert.Contains("Database=breakoutdb", Env(container, "ConnectionStrings__breakoutdb").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RealManifest_ExecutorIsOneReplicaWithTheLeaseReasonAboveIt()
    {
        var run = Generate();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = File.ReadAllLines(Path.Combine(_manifests.OutputDirectory, "executor.yaml"));
        var replicas = Array.IndexOf(lines, "  replicas: 1");
        Assert.True(replicas > 0);
        Assert.StartsWith("  # ", lines[replicas - 1], StringComparison.Ordinal);
        Assert.Contains("lease", lines[replicas - 1], StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(_manifests.OutputDirectory, "scanner.yaml")), line => line.Contains("lease", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RealManifest_PostgresAndRedisBecomeStatefulSetsWithVolumeClaimsAndServices()
    {
        var run = Generate();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var expected = new Dictionary<string, (string ImagePrefix, string MountPath, int Port)>
        {
            ["postgres"] = ("docker.io/library/postgres:", "/var/lib/postgresql", 5432),
            ["redis"] = ("docker.io/library/redis:", "/data", 6379),
        };
        foreach (var (name, (imagePrefix, mountPath, portNumber)) in expected)
        {
            var objects = Load($"{name}.yaml");
            var statefulSet = Assert.IsType<V1StatefulSet>(objects[0]);
            var service = Assert.IsType<V1Service>(objects[1]);
            Assert.Equal((name, 1, name), (statefulSet.Metadata.Name, statefulSet.Spec.Replicas, statefulSet.Spec.ServiceName));
            var container = Assert.Single(statefulSet.Spec.Template.Spec.Containers);
            Assert.StartsWith(imagePrefix, container.Image, StringComparison.Ordinal);
            var claim = Assert.Single(statefulSet.Spec.VolumeClaimTemplates);
            var mount = Assert.Single(container.VolumeMounts);
            Assert.Equal((claim.Metadata.Name, mountPath), (mount.Name, mount.MountPath));
            Assert.Equal("10Gi", claim.Spec.Resources.Requests["storage"].ToString());
            var port = Assert.Single(service.Spec.Ports);
            Assert.Equal((portNumber, portNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), (port.Port, port.TargetPort.Value));
        }

        var postgres = Assert.Single(((V1StatefulSet)Load("postgres.yaml")[0]).Spec.Template.Spec.Containers);
        Assert.Equal("postgres-password", Env(postgres, "POSTGRES_PASSWORD").ValueFrom.SecretKeyRef.Name);
        var redis = Assert.Single(((V1StatefulSet)Load("redis.yaml")[0]).Spec.Template.Spec.Containers);
        Assert.Equal(["/bin/sh"], redis.Command);
        Assert.Equal("-c", redis.Args[0]);
        Assert.Contains("--requirepass $REDIS_PASSWORD", redis.Args[1], StringComparison.Ordinal);
        Assert.Equal("redis-password", Env(redis, "REDIS_PASSWORD").ValueFrom.SecretKeyRef.Name);
        foreach (var user in new[] { "scanner", "executor", "api" })
        {
            // Each service role's ACL user, its password from its own secret (the command line is tested against a real
            // redis-server in the AppHost tests).
            Assert.Contains($"--user {user} on \">$REDIS_{user.ToUpperInvariant()}_PASSWORD\"", redis.Args[1], StringComparison.Ordinal);
            Assert.Equal($"redis-{user}-password", Env(redis, $"REDIS_{user.ToUpperInvariant()}_PASSWORD").ValueFrom.SecretKeyRef.Name);
        }
    }

    [Fact]
    public void Run_RealManifest_ExpressionsBecomeInClusterAddressesAndNoneIsLeft()
    {
        var run = Generate();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        foreach (var file in Directory.GetFiles(_manifests.OutputDirectory))
        {
            var text = File.ReadAllText(file);
            Assert.False(ManifestExpression().IsMatch(text), $"{file}: {ManifestExpression().Match(text).Value}");
        }

        var scanner = Container("scanner.yaml");
        Assert.Equal("http://exchange-sim:80", Env(scanner, "services__exchange-sim__http__0").Value);
        Assert.Equal("ws://exchange-sim:80/v5/public/linear", Env(scanner, "Bybit__Streams__PublicEndpoint").Value);
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=$(PARAMETER_POSTGRES_PASSWORD);Database=breakoutdb", Env(scanner, "ConnectionStrings__breakoutdb").Value);
        Assert.Equal("redis:6379,user=scanner,password=$(PARAMETER_REDIS_SCANNER_PASSWORD),tiebreaker=,$CONFIG=", Env(scanner, "ConnectionStrings__redis").Value);
        Assert.Equal("redis-scanner-password", Env(scanner, "PARAMETER_REDIS_SCANNER_PASSWORD").ValueFrom.SecretKeyRef.Name);
        // Kubernetes expands $(NAME) only from variables defined earlier in the list.
        var names = scanner.Env.Select(variable => variable.Name).ToList();
        Assert.True(names.IndexOf("PARAMETER_POSTGRES_PASSWORD") < names.IndexOf("ConnectionStrings__breakoutdb"));
        Assert.Equal("postgres-password", Env(scanner, "PARAMETER_POSTGRES_PASSWORD").ValueFrom.SecretKeyRef.Name);

        var web = Container("web.yaml");
        Assert.Equal("http://api:80", Env(web, "services__api__http__0").Value);
        // The pods serve no TLS, so https endpoints are left out (said in the output) and https+http://api falls back to http.
        Assert.DoesNotContain(web.Env, variable => variable.Name == "services__api__https__0");
        Assert.Contains("web: env services__api__https__0 left out", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RealManifest_SecretsAreReferencedNeverWritten()
    {
        // A default value for a secret parameter is in the manifest here: it must not reach the output.
        const string DefaultSecret = "do-not-copy-this-default-7f3a";
        var manifest = _manifests.Variant(resources =>
            resources["bybit-api-secret"]!["inputs"]!["value"]!["default"] = new JsonObject { ["value"] = DefaultSecret });

        var run = CliRun.Of("deploy", "k8s", "--manifest", manifest, "--output", _manifests.OutputDirectory);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        foreach (var file in Directory.GetFiles(_manifests.OutputDirectory))
        {
            Assert.DoesNotContain(DefaultSecret, File.ReadAllText(file), StringComparison.Ordinal);
        }

        foreach (var parameter in SecretParameters)
        {
            var secret = Assert.IsType<V1Secret>(Assert.Single(Load($"{parameter}.yaml")));
            Assert.Null(secret.Data);
            Assert.Null(secret.StringData);
            Assert.Contains($"secret {parameter}", run.Output, StringComparison.Ordinal);
        }

        var secretVariables = new[] { "Bybit__ApiKey", "Bybit__ApiSecret", "BREAKOUTDB_PASSWORD", "PARAMETER_POSTGRES_PASSWORD", "PARAMETER_REDIS_EXECUTOR_PASSWORD" };
        var executor = Container("executor.yaml");
        Assert.DoesNotContain(executor.Env, variable => variable.Name is "REDIS_PASSWORD" or "PARAMETER_REDIS_PASSWORD");
        foreach (var name in secretVariables)
        {
            var variable = Env(executor, name);
            Assert.Null(variable.Value);
            Assert.Contains(variable.ValueFrom.SecretKeyRef.Name, SecretParameters);
        }

        Assert.Equal("api-key-web", Env(Container("api.yaml"), "Api__Keys__web").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("admin", Env(Container("api.yaml"), "Api__KeyRoles__web").Value);
        Assert.Equal("api-key-automation", Env(Container("api.yaml"), "Api__Keys__automation").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("operator", Env(Container("api.yaml"), "Api__KeyRoles__automation").Value);
        Assert.Equal("api-key-web", Env(Container("web.yaml"), "Api__Key").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("bybit-api-secret", Env(Container("exchange-sim.yaml"), "Simulator__ApiSecret").ValueFrom.SecretKeyRef.Name);
    }

    [Fact]
    public void Run_RealManifest_YamlReparsesIntoTheSameObjects()
    {
        var manifest = BreakoutBot.Cli.Deployment.AspireManifest.Load(DeployManifests.RealManifest);
        var generated = BreakoutBot.Cli.Deployment.KubernetesManifestGenerator.Generate(manifest, new BreakoutBot.Cli.Deployment.KubernetesOptions());

        foreach (var file in generated.Files)
        {
            var reparsed = KubernetesYaml.LoadAllFromString(BreakoutBot.Cli.Deployment.KubernetesYamlRenderer.Render(file));

            Assert.Equal(file.Objects.Count, reparsed.Count);
            for (var i = 0; i < reparsed.Count; i++)
            {
                Assert.Equal(file.Objects[i].GetType(), reparsed[i].GetType());
                Assert.Equal(KubernetesYaml.Serialize(file.Objects[i]), KubernetesYaml.Serialize(reparsed[i]));
            }
        }

        Assert.Contains(generated.Files.SelectMany(file => file.Objects), item => item is V1StatefulSet);
    }

    [Fact]
    public void Run_SameManifestTwice_WritesIdenticalFiles()
    {
        Assert.Equal(0, Generate().ExitCode);
        var first = Directory.GetFiles(_manifests.OutputDirectory).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        Assert.Equal(0, Generate().ExitCode);

        Assert.Equal(first, Directory.GetFiles(_manifests.OutputDirectory).Order(StringComparer.Ordinal).Select(File.ReadAllText));
    }

    [Fact]
    public void Run_CommittedDeployDirectory_EqualsAFreshGeneration()
    {
        Assert.Equal(0, Generate().ExitCode);

        var committed = Directory.GetFiles(DeployManifests.CommittedOutput).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.GetFiles(_manifests.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal), committed);
        foreach (var file in committed)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(DeployManifests.CommittedOutput, file!)) == File.ReadAllText(Path.Combine(_manifests.OutputDirectory, file!)),
                $"deploy/k8s/{file} is stale: regenerate it (deploy/README.md).");
        }
    }

    [Fact]
    public void Run_OutputDirectoryHoldingOtherFiles_RefusesAndLeavesThem()
    {
        Directory.CreateDirectory(_manifests.OutputDirectory);
        var mine = Path.Combine(_manifests.OutputDirectory, "notes.txt");
        File.WriteAllText(mine, "mine");

        var run = Generate();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not an earlier output of 'deploy k8s'", run.Error, StringComparison.Ordinal);
        Assert.Equal([mine], Directory.GetFiles(_manifests.OutputDirectory));
    }

    [Theory]
    [InlineData("missing-file", "does not exist")]
    [InlineData("not-json", "is not valid JSON")]
    [InlineData("no-resources", "has no 'resources' object")]
    [InlineData("unknown-expression", "resource 'scanner' env Broken: unknown expression '{exchange-sim.bindings.http.fooBar}'")]
    [InlineData("missing-resource", "resource 'web' env Broken: expression '{nowhere.bindings.http.url}': refers to resource 'nowhere', which the manifest does not have.")]
    [InlineData("unknown-type", "resource 'worker' has type 'executable.v0', which deploy k8s does not handle")]
    [InlineData("unclosed-brace", "resource 'api' env Broken: '{' without a closing '}'")]
    [InlineData("cyclic-connection-string", "refers to itself")]
    [InlineData("container-without-image", "resource 'redis' (container.v0) has no 'image'")]
    public void Run_BadManifest_FailsNamingTheProblemAndWritesNothing(string problem, string expectedMessage)
    {
        var manifest = problem switch
        {
            "missing-file" => Path.Combine(_manifests.Scratch, "nope.json"),
            "not-json" => _manifests.Write("{ \"resources\": "),
            "no-resources" => _manifests.Write("{ \"things\": {} }"),
            "unknown-expression" => _manifests.Variant(r => r["scanner"]!["env"]!["Broken"] = "{exchange-sim.bindings.http.fooBar}"),
            "missing-resource" => _manifests.Variant(r => r["web"]!["env"]!["Broken"] = "{nowhere.bindings.http.url}"),
            "unknown-type" => _manifests.Variant(r => r["worker"] = new JsonObject { ["type"] = "executable.v0" }),
            "unclosed-brace" => _manifests.Variant(r => r["api"]!["env"]!["Broken"] = "x{api.bindings.http.url"),
            "cyclic-connection-string" => _manifests.Variant(r => r["breakoutdb"]!["connectionString"] = "{breakoutdb.connectionString}"),
            "container-without-image" => _manifests.Variant(r => r["redis"]!.AsObject().Remove("image")),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var run = CliRun.Of("deploy", "k8s", "--manifest", manifest, "--output", _manifests.OutputDirectory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_manifests.OutputDirectory));
        Assert.Empty(Directory.GetDirectories(_manifests.Scratch));
    }

    [Fact]
    public void Run_BadManifestOverEarlierOutput_LeavesTheEarlierOutputUntouched()
    {
        Assert.Equal(0, Generate().ExitCode);
        var before = Directory.GetFiles(_manifests.OutputDirectory).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var broken = _manifests.Variant(r => r["api"]!["env"]!["Broken"] = "{api.bindings.grpc.url}");

        var run = CliRun.Of("deploy", "k8s", "--manifest", broken, "--output", _manifests.OutputDirectory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("resource 'api' has no binding 'grpc'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(_manifests.OutputDirectory).Order(StringComparer.Ordinal).Select(File.ReadAllText));
    }

    [Theory]
    [InlineData(new[] { "deploy", "k8s" }, "--manifest <aspire-manifest.json> and --output <dir> are required")]
    [InlineData(new[] { "deploy", "k8s", "--manifest", "m.json", "--output", "out", "--replicas", "3" }, "unknown option --replicas")]
    [InlineData(new[] { "deploy", "k8s", "--manifest", "m.json", "--output", "out", "--image-tag", "bad tag" }, "--image-tag 'bad tag' is not a valid image tag")]
    public void Run_BadArguments_ExitsWithUsageError(string[] args, string expectedMessage)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidNamespace_FailsNamingIt()
    {
        var run = Generate("--namespace", "Bad_Namespace");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("namespace 'Bad_Namespace' is not a valid Kubernetes name", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_manifests.OutputDirectory));
    }

    private CliRun Generate(params string[] extra) =>
        CliRun.Of(["deploy", "k8s", "--manifest", DeployManifests.RealManifest, "--output", _manifests.OutputDirectory, .. extra]);

    private V1NetworkPolicy Policy(string file)
    {
        var policy = Assert.Single(Load(file).OfType<V1NetworkPolicy>());
        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), policy.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        return policy;
    }

    /// <summary>The workloads a file's NetworkPolicy admits on <paramref name="port"/>, sorted.</summary>
    private List<string> Callers(string file, int port) =>
        [.. (Policy(file).Spec.Ingress ?? [])
            .Where(rule => rule.FromProperty is not null && rule.Ports.Any(allowed => allowed.Port.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .SelectMany(rule => rule.FromProperty.Select(peer => peer.PodSelector.MatchLabels["app.kubernetes.io/name"]))
            .Order(StringComparer.Ordinal)];

    private List<object> Load(string file) => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(_manifests.OutputDirectory, file)));

    private V1Container Container(string file) => Assert.Single(Assert.IsType<V1Deployment>(Load(file)[0]).Spec.Template.Spec.Containers);

    private static V1EnvVar Env(V1Container container, string name) => Assert.Single(container.Env, variable => variable.Name == name);

    /// <summary>An Aspire expression such as <c>{api.bindings.http.url}</c>.</summary>
    [GeneratedRegex(@"\{[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+\}")]
    private static partial Regex ManifestExpression();
}
