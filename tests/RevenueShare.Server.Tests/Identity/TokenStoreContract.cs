using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Identity;

/// <summary>
/// What a token store must do, run against each real store (SQLite file, PostgreSQL server):
/// the SQL is meant to be common to both, and only running it on both proves that.
/// </summary>
public abstract class TokenStoreContract
{
    private static readonly Instant Created = Instant.FromUtc(2026, 3, 1, 8, 30, 15) + Duration.FromNanoseconds(123);
    private static readonly Instant Revoked = Created + Duration.FromHours(2);

    protected abstract Task<StoreOptions> StoreAsync();

    private async Task<(TokenStore Tokens, ReadDatabase Database)> OpenAsync()
    {
        var database = new ReadDatabase(await StoreAsync());
        var tokens = new TokenStore(database, TestReference.Reference);
        await tokens.EnsureSchemaAsync();
        await tokens.EnsureSchemaAsync(); // idempotent: every start runs it
        return (tokens, database);
    }

    [Fact]
    public async Task A_created_token_authenticates_as_its_office_until_revoked()
    {
        var (tokens, _) = await OpenAsync();
        var office = Principal.ForDistrict(TestReference.SomeDistrict);

        var issued = await tokens.CreateAsync(office, Created);

        Assert.Matches("^tok_[0-9a-f]{8}$", issued.Id);
        Assert.Matches("^rs_[A-Za-z0-9_-]{43}$", issued.Secret);
        Assert.Equal(office, await tokens.AuthenticateAsync(issued.Secret));

        Assert.True(await tokens.RevokeAsync(issued.Id, Revoked));
        Assert.Null(await tokens.AuthenticateAsync(issued.Secret));
        Assert.False(await tokens.RevokeAsync(issued.Id, Revoked)); // already revoked
    }

    [Fact]
    public async Task A_page_session_finds_its_token_by_secret_then_follows_it_by_id_until_revoked()
    {
        var (tokens, _) = await OpenAsync();
        var office = Principal.ForDistrict(TestReference.SomeDistrict);
        var issued = await tokens.CreateAsync(office, Created);
        await tokens.CreateAsync(Principal.Finance, Created);

        Assert.Equal(new ActiveToken(issued.Id, office), await tokens.FindActiveAsync(issued.Secret));
        Assert.Equal(office, await tokens.ActiveOfficeAsync(issued.Id));

        await tokens.RevokeAsync(issued.Id, Revoked);

        Assert.Null(await tokens.FindActiveAsync(issued.Secret));
        Assert.Null(await tokens.ActiveOfficeAsync(issued.Id));
        Assert.Null(await tokens.ActiveOfficeAsync("tok_00000000"));
    }

    [Fact]
    public async Task Revoking_one_token_leaves_the_others_working()
    {
        var (tokens, _) = await OpenAsync();
        var first = await tokens.CreateAsync(Principal.Tax, Created);
        var second = await tokens.CreateAsync(Principal.Tax, Created);

        Assert.NotEqual(first.Secret, second.Secret);
        await tokens.RevokeAsync(first.Id, Revoked);

        Assert.Null(await tokens.AuthenticateAsync(first.Secret));
        Assert.Equal(Principal.Tax, await tokens.AuthenticateAsync(second.Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("rs_")]
    [InlineData("rs_unknown-token")]
    [InlineData("not-even-ours")]
    public async Task Unknown_tokens_do_not_authenticate(string token)
    {
        var (tokens, _) = await OpenAsync();
        await tokens.CreateAsync(Principal.Finance, Created);

        Assert.Null(await tokens.AuthenticateAsync(token));
    }

    [Fact]
    public async Task Revoking_an_unknown_id_changes_nothing()
    {
        var (tokens, _) = await OpenAsync();
        var issued = await tokens.CreateAsync(Principal.Statistics, Created);

        Assert.False(await tokens.RevokeAsync("tok_00000000", Revoked));
        Assert.Equal(Principal.Statistics, await tokens.AuthenticateAsync(issued.Secret));
    }

    [Fact]
    public async Task The_stored_row_holds_the_hash_never_the_secret()
    {
        var (tokens, database) = await OpenAsync();
        var issued = await tokens.CreateAsync(Principal.Finance, Created);

        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, principal, hash, created_at, revoked_at FROM tokens";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var cells = Enumerable.Range(0, reader.FieldCount)
            .Select(i => reader.IsDBNull(i) ? string.Empty : reader.GetString(i))
            .ToArray();

        Assert.Equal([issued.Id, "finance"], cells[..2]);
        Assert.Equal(TokenStore.Hash(issued.Secret), cells[2]);
        var secretBody = issued.Secret["rs_".Length..];
        Assert.All(cells, cell => Assert.DoesNotContain(secretBody, cell, StringComparison.Ordinal));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Listing_shows_offices_and_times_but_no_secret()
    {
        var (tokens, _) = await OpenAsync();
        var district = Principal.ForDistrict(TestReference.SomeDistrict);
        var kept = await tokens.CreateAsync(district, Created);
        var dropped = await tokens.CreateAsync(Principal.Tax, Created + Duration.FromSeconds(1));
        await tokens.RevokeAsync(dropped.Id, Revoked);

        var listed = await tokens.ListAsync();

        Assert.Equal(
            [
                new TokenInfo(kept.Id, district.ToString(), Created, null),
                new TokenInfo(dropped.Id, "tax", Created + Duration.FromSeconds(1), Revoked),
            ],
            listed);
        var shown = string.Join("\n", listed.Select(t => t.ToString()));
        Assert.DoesNotContain(kept.Secret[3..], shown, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenStore.Hash(kept.Secret), shown, StringComparison.Ordinal);
    }
}
