using NodaTime;
using NodaTime.Testing;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Cli;

/// <summary><c>revshare tokens ...</c> run in process, against a SQLite store in a temporary folder.</summary>
public sealed class TokensCommandTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 2, 3, 4, 5);

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Create_prints_the_token_alone_and_it_authenticates_as_the_office()
    {
        var (exit, stdout, stderr) = await RunAsync("tokens", "create", "--office", "tax", "--data", directory.Path);

        Assert.True(exit == ExitCodes.Ok, stderr);
        var token = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(token + "\n", stdout.ReplaceLineEndings("\n"));
        Assert.StartsWith(TokenStore.SecretPrefix, token);
        Assert.Equal(Principal.Tax, await Store().AuthenticateAsync(token));
    }

    [Theory]
    [InlineData("district:000000")]
    [InlineData("district:")]
    [InlineData("treasury")]
    [InlineData("TAX")]
    public async Task Create_for_an_unknown_office_exits_2_with_the_reason_on_stderr(string office)
    {
        var (exit, stdout, stderr) = await RunAsync("tokens", "create", "--office", office, "--data", directory.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("is not an office", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokens", "create")]
    [InlineData("tokens", "revoke")]
    [InlineData("tokens", "frobnicate")]
    [InlineData("no-such-command")]
    public async Task Malformed_command_lines_exit_2(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public async Task Data_and_postgres_together_are_refused()
    {
        var (exit, _, stderr) = await RunAsync(
            "tokens", "list", "--data", directory.Path, "--postgres", "Host=127.0.0.1");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("not both", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_ids_offices_and_times_and_revoke_marks_the_token()
    {
        var district = "district:" + TestReference.SomeDistrict.Value;
        var (_, first, _) = await RunAsync("tokens", "create", "--office", district, "--data", directory.Path);
        var issuedId = (await Store().ListAsync()).Single().Id;

        var (revokeExit, _, _) = await RunAsync("tokens", "revoke", issuedId, "--data", directory.Path);
        var (listExit, listing, _) = await RunAsync("tokens", "list", "--data", directory.Path);

        Assert.Equal(ExitCodes.Ok, revokeExit);
        Assert.Equal(ExitCodes.Ok, listExit);
        var lines = listing.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["ID", "OFFICE", "CREATED", "REVOKED"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            [issuedId, district, "2026-04-02T03:04:05Z", "2026-04-02T03:04:05Z"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(first.Trim()[3..], listing, StringComparison.Ordinal);
        Assert.Null(await Store().AuthenticateAsync(first.Trim()));
    }

    [Fact]
    public async Task Revoking_an_unknown_token_fails_with_exit_1()
    {
        var (exit, _, stderr) = await RunAsync("tokens", "revoke", "tok_00000000", "--data", directory.Path);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("tok_00000000", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contracts_folder_that_is_not_one_exits_2()
    {
        var (exit, _, stderr) = await RunAsync(
            "tokens", "create", "--office", "tax", "--data", directory.Path, "--contracts", directory.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("not a contracts folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_a_bad_contracts_folder_before_starting()
    {
        var (exit, stdout, stderr) = await RunAsync(
            "serve", "--data", directory.Path, "--contracts", directory.Path, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("not a contracts folder", stderr, StringComparison.Ordinal);
    }

    private TokenStore Store() => new(new ReadDatabase(StoreOptions.Sqlite(directory.Path)), TestReference.Reference);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await RevshareCli.RunAsync(args, stdout, stderr, new FakeClock(Now));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
