using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Identity;

/// <summary>
/// Bearer tokens, one or more per office (docs/interfaces.md, Tokens). Only the SHA-256 hash of a token
/// is stored, so a copy of the database does not hand out access; the secret is shown once, when
/// created. The table lives in the read-side database, in SQL common to SQLite and PostgreSQL.
/// </summary>
public sealed class TokenStore
{
    /// <summary>Prefix of every secret, so a leaked token is recognisable (e.g. by secret scanners).</summary>
    public const string SecretPrefix = "rs_";

    private const string IdPrefix = "tok_";

    /// <summary>A secret longer than this is not ours; refusing it early bounds the hashing work.</summary>
    private const int MaxSecretLength = 128;

    private const int CreateAttempts = 3;

    // Fixed nine fraction digits: instants stored as text then sort in time order.
    private static readonly InstantPattern StoredInstant =
        InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff'Z'");

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS tokens (
            id TEXT PRIMARY KEY,
            principal TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT NULL
        )
        """,
    ];

    private readonly ReadDatabase database;
    private readonly ReferenceData reference;

    public TokenStore(ReadDatabase database, ReferenceData reference)
    {
        this.database = database;
        this.reference = reference;
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) =>
        database.EnsureSchemaAsync(Schema, cancellationToken);

    /// <summary>Issues a new token for an office; the returned secret is not kept anywhere.</summary>
    public async Task<IssuedToken> CreateAsync(Principal principal, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            await using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO tokens (id, principal, hash, created_at, revoked_at) VALUES (@id, @principal, @hash, @created, NULL)";
            Add(command, "id", id);
            Add(command, "principal", principal.ToString());
            Add(command, "hash", Hash(secret));
            Add(command, "created", StoredInstant.Format(now));
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new IssuedToken(id, principal, secret);
            }
            catch (DbException) when (attempt < CreateAttempts)
            {
                // Most likely a clash of the short random id; a fresh id is the remedy. Anything
                // else fails again and surfaces on the last attempt.
            }
        }
    }

    /// <summary>The office holding this token, or null when the token is unknown or revoked.</summary>
    public async Task<Principal?> AuthenticateAsync(string token, CancellationToken cancellationToken = default) =>
        (await FindActiveAsync(token, cancellationToken))?.Principal;

    /// <summary>
    /// The active token with this secret (its id and office), or null when the token is unknown or
    /// revoked. A page session keeps the id, never the secret, and asks <see cref="ActiveOfficeAsync"/>.
    /// </summary>
    public async Task<ActiveToken?> FindActiveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxSecretLength
            || !token.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(token);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, principal, hash FROM tokens WHERE hash = @hash AND revoked_at IS NULL";
        Add(command, "hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var id = reader.GetString(0);
        var principalText = reader.GetString(1);
        var storedHash = reader.GetString(2);

        // The lookup already matched; the constant-time check keeps the decision itself free of
        // timing differences should the lookup ever become a prefix or collation match.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(hash)))
        {
            return null;
        }

        return OfficeOf(principalText) is { } principal ? new ActiveToken(id, principal) : null;
    }

    /// <summary>The office of the token with this id while it is active; null once revoked (or never issued).</summary>
    public async Task<Principal?> ActiveOfficeAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT principal FROM tokens WHERE id = @id AND revoked_at IS NULL";
        Add(command, "id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string principalText ? OfficeOf(principalText) : null;
    }

    /// <summary>Every token ever issued, oldest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<TokenInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, principal, created_at, revoked_at FROM tokens ORDER BY created_at, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<TokenInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new TokenInfo(
                reader.GetString(0),
                reader.GetString(1),
                StoredInstant.Parse(reader.GetString(2)).Value,
                reader.IsDBNull(3) ? null : StoredInstant.Parse(reader.GetString(3)).Value));
        }

        return tokens;
    }

    /// <summary>Revokes a token; false when no token with this id is active (unknown or already revoked).</summary>
    public async Task<bool> RevokeAsync(string id, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tokens SET revoked_at = @revoked WHERE id = @id AND revoked_at IS NULL";
        Add(command, "revoked", StoredInstant.Format(now));
        Add(command, "id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    // A district dropped from the catalogue no longer names an office: its tokens stop working.
    private Principal? OfficeOf(string principalText) =>
        Principal.TryParse(principalText, reference, out var principal, out _) ? principal : null;

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes: the only form stored.</summary>
    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
