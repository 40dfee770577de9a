using RevenueShare.Server.Configuration;
using RevenueShare.Server.Tests.Cli;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Configuration;

/// <summary>
/// The service's configuration read in process: the sources' order, the typed reading, and every
/// mistake an operator can make stopping the start with a sentence naming the key and its source,
/// never a stack trace. (The environment's variables are read by a process of its own in
/// <see cref="ConfigurationProcessTests"/>: a variable set here would reach the other tests.)
/// </summary>
public sealed class ServiceConfigurationTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_later_source_overrides_an_earlier_one_and_the_defaults_apply_where_none_speaks()
    {
        var defaults = Write("appsettings.json", """{ "Http": { "Urls": "http://127.0.0.1:1111", "MetricsUrls": "off" }, "Ledger": { "PassivateAfterSeconds": 30 } }""");
        var file = Write("revshare.json", """{ "Http": { "Urls": "http://127.0.0.1:2222", "ShutdownSeconds": 12 }, "Store": { "Data": "from-file" } }""");

        var configuration = ServiceConfiguration.Load(defaults, file, [(ServiceSettings.Data, directory.Path)]);
        var options = ServeConfiguration.Read(configuration);

        Assert.Equal("http://127.0.0.1:2222", options.Urls);
        Assert.Null(options.MetricsUrls);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Ledger.PassivateAfter);
        Assert.Equal(TimeSpan.FromSeconds(12), options.ShutdownTimeout);
        Assert.Equal(Path.GetFullPath(directory.Path), options.Store.DataDirectory);
        Assert.Equal("from --data", configuration.SourceOf(ServiceSettings.Data.Key));
        Assert.Equal("from " + file, configuration.SourceOf(ServiceSettings.Urls.Key));
        Assert.Equal("from " + defaults, configuration.SourceOf(ServiceSettings.MetricsUrls.Key));
        Assert.Equal(Ledger.LedgerOptions.Default.ReadLagBound, options.Ledger.ReadLagBound);
        Assert.Null(options.Certificate);
    }

    [Fact]
    public void A_cluster_is_read_from_the_file_with_its_seeds_as_a_list()
    {
        var file = Write("cluster.json", """
            { "Store": { "Postgres": "Host=127.0.0.1" },
              "Cluster": { "Node": "10.0.0.1:4053", "Seeds": ["10.0.0.1:4053", "10.0.0.2:4053"], "DownAfterSeconds": 7 } }
            """);

        var options = ServeConfiguration.Read(ServiceConfiguration.Load(Missing, file, []));

        Assert.Equal("10.0.0.1", options.Cluster!.Hostname);
        Assert.Equal(4053, options.Cluster.Port);
        Assert.Equal(["10.0.0.1:4053", "10.0.0.2:4053"], options.Cluster.Seeds.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(7), options.Cluster.DownUnreachableAfter);
    }

    [Fact]
    public void Every_problem_is_named_with_its_key_and_source_at_once()
    {
        var file = Write("bad.json", """
            { "Http": { "Urls": "http://127.0.0.1:5080;htp//nowhere", "MetricsUrls": "ftp://127.0.0.1:9464", "ShutdownSeconds": "soon" },
              "Ledger": { "ReadingBacklog": 0 }, "Strore": { "Data": "x" } }
            """);

        var refused = Assert.Throws<InvalidConfigurationException>(() => ServeConfiguration.Read(ServiceConfiguration.Load(Missing, file, [])));

        Assert.Equal(
            [
                $"Strore:Data (from {file}) is not an option of revshare (the options: docs/operations.md, Configuration).",
                $"Http:Urls (from {file}) lists 'htp//nowhere', which is not an address to listen on (http://HOST:PORT or https://HOST:PORT).",
                $"Http:MetricsUrls (from {file}) lists 'ftp://127.0.0.1:9464', whose scheme is neither http nor https.",
                $"Ledger:ReadingBacklog (from {file}) '0' is not a whole number of 1 or more.",
                $"Http:ShutdownSeconds (from {file}) 'soon' is not a whole number of 1 or more.",
            ],
            refused.Problems);
    }

    [Fact]
    public async Task A_bad_metrics_address_on_the_command_line_stops_serve_with_a_sentence_and_touches_nothing()
    {
        var (code, stdout, stderr) = await Revshare.RunAsync("serve", "--data", directory.Path, "--metrics", "localhost:9464x", "--contracts", TestReference.ContractsDirectory);

        Assert.Equal(Server.Cli.ExitCodes.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            "revshare: the configuration cannot be used:\n  Http:MetricsUrls (from --metrics) lists 'localhost:9464x', which is not an address to listen on (http://HOST:PORT or https://HOST:PORT).\n",
            stderr.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task A_configuration_file_that_is_missing_or_not_json_is_said_so()
    {
        var broken = Write("broken.json", "{ \"Http\": { \"Urls\": ");

        var (missingCode, _, missing) = await Revshare.RunAsync("serve", "--config", Path.Combine(directory.Path, "none.json"));
        var (brokenCode, _, notJson) = await Revshare.RunAsync("tokens", "list", "--config", broken);

        Assert.Equal(Server.Cli.ExitCodes.Usage, missingCode);
        Assert.Contains($"--config {Path.Combine(directory.Path, "none.json")}: there is no such file.", missing, StringComparison.Ordinal);
        Assert.Equal(Server.Cli.ExitCodes.Usage, brokenCode);
        Assert.Contains("broken.json", notJson, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing + notJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_needs_a_certificate_and_a_certificate_needs_its_files_and_password()
    {
        using var certificate = TestCertificate.WriteTo(directory.Path);
        string[] Problems(params (ServiceSetting, string)[] flags) =>
            [.. Assert.Throws<InvalidConfigurationException>(() => ServeConfiguration.Read(ServiceConfiguration.Load(Missing, null, [(ServiceSettings.Data, directory.Path), .. flags]))).Problems];

        Assert.Equal(
            ["Http:Urls (from --urls) lists an https address, which needs a certificate: Http:Certificate:Path (--certificate)."],
            Problems((ServiceSettings.Urls, "https://127.0.0.1:5443")));
        Assert.Equal(
            [$"Http:Certificate:Path (from --certificate) names {Path.Combine(directory.Path, "nowhere.pem")}, which does not exist."],
            Problems((ServiceSettings.Urls, "https://127.0.0.1:5443"), (ServiceSettings.CertificatePath, Path.Combine(directory.Path, "nowhere.pem"))));
        Assert.Equal(
            ["Http:Certificate:Path (from --certificate) is a PEM certificate without its private key: give the key's file by Http:Certificate:KeyPath (--certificate-key)."],
            Problems((ServiceSettings.Urls, "https://127.0.0.1:5443"), (ServiceSettings.CertificatePath, certificate.CertificatePem)));
        var wrongPassword = Assert.Single(Problems((ServiceSettings.Urls, "https://127.0.0.1:5443"), (ServiceSettings.CertificatePath, certificate.Pfx), (ServiceSettings.CertificatePassword, "wrong")));
        Assert.StartsWith("Http:Certificate:Path (from ", wrongPassword, StringComparison.Ordinal);
        Assert.EndsWith("(a wrong password, or a key that is not the certificate's?).", wrongPassword, StringComparison.Ordinal);
        Assert.Equal(
            ["Http:Certificate:Path (from --certificate) is given but no address of Http:Urls or Http:MetricsUrls is https."],
            Problems((ServiceSettings.CertificatePath, certificate.CertificatePem), (ServiceSettings.CertificateKeyPath, certificate.KeyPem)));
    }

    [Fact]
    public void A_pem_pair_and_a_pfx_with_its_password_both_load()
    {
        using var certificate = TestCertificate.WriteTo(directory.Path);

        var pem = ServeConfiguration.Read(ServiceConfiguration.Load(Missing, null,
            [(ServiceSettings.Data, directory.Path), (ServiceSettings.Urls, "https://127.0.0.1:0"), (ServiceSettings.CertificatePath, certificate.CertificatePem), (ServiceSettings.CertificateKeyPath, certificate.KeyPem)]));
        var pfx = ServeConfiguration.Read(ServiceConfiguration.Load(Missing, null,
            [(ServiceSettings.Data, directory.Path), (ServiceSettings.Urls, "https://127.0.0.1:0"), (ServiceSettings.CertificatePath, certificate.Pfx), (ServiceSettings.CertificatePassword, TestCertificate.PfxPassword)]));

        Assert.Equal(certificate.Certificate.Thumbprint, pem.Certificate!.Thumbprint);
        Assert.True(pem.Certificate.HasPrivateKey);
        Assert.Equal(certificate.Certificate.Thumbprint, pfx.Certificate!.Thumbprint);
        Assert.True(pfx.Certificate.HasPrivateKey);
    }

    [Fact]
    public void Cluster_settings_without_a_node_and_a_node_without_postgres_are_refused()
    {
        var seedsAlone = Assert.Throws<InvalidConfigurationException>(() => ServeConfiguration.Read(ServiceConfiguration.Load(Missing, null,
            [(ServiceSettings.Data, directory.Path), (ServiceSettings.ClusterSeeds, "127.0.0.1:4053")])));
        var nodeOnSqlite = Assert.Throws<InvalidConfigurationException>(() => ServeConfiguration.Read(ServiceConfiguration.Load(Missing, null,
            [(ServiceSettings.Data, directory.Path), (ServiceSettings.ClusterNode, "127.0.0.1:4053"), (ServiceSettings.ClusterSeeds, "127.0.0.1:4053")])));

        Assert.Equal(["Cluster:Seeds (from --seed) belongs to Cluster:Node (--cluster), which is not given."], seedsAlone.Problems);
        Assert.Equal(["Cluster:Node (from --cluster) needs Store:Postgres: the nodes of a cluster share one PostgreSQL store."], nodeOnSqlite.Problems);
    }

    [Fact]
    public void The_services_own_file_in_deploy_reads_without_a_problem()
    {
        var options = ServeConfiguration.Read(ServiceConfiguration.Load(Missing, Path.Combine(TestReference.RepositoryDirectory, "deploy", "revshare.json"), []));

        Assert.Equal("/var/lib/revshare", options.Store.DataDirectory);
        Assert.Equal("http://127.0.0.1:5080", options.Urls);
        Assert.Equal(ServeOptions.DefaultMetricsUrls, options.MetricsUrls);
    }

    [Fact]
    public void The_operations_guide_lists_every_option_once_with_its_flag_and_default()
    {
        var guide = File.ReadAllLines(Path.Combine(TestReference.RepositoryDirectory, "docs", "operations.md"));
        var rows = guide
            .SkipWhile(line => line != "| key | flag | default | what it does |")
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToList();

        Assert.Equal(ServiceSettings.All.Select(setting => $"`{setting.Key}`"), rows.Select(cells => cells[1]));
        foreach (var (setting, cells) in ServiceSettings.All.Zip(rows))
        {
            Assert.Equal(setting.Flag is null ? "—" : $"`{setting.Flag}`", cells[2]);
            Assert.Contains(setting.Default, cells[3], StringComparison.Ordinal);
        }
    }

    private string Missing => Path.Combine(directory.Path, "no-appsettings.json");

    private string Write(string name, string json)
    {
        var path = Path.Combine(directory.Path, name);
        File.WriteAllText(path, json);
        return path;
    }
}
