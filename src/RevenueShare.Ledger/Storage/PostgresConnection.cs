using System.Data.Common;
using Npgsql;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// The ledger's settings on top of an operator's PostgreSQL connection string (docs/decisions.md,
/// PostgreSQL at full speed): what the operator set explicitly is kept.
/// </summary>
public static class PostgresConnection
{
    /// <summary>Statements Npgsql keeps prepared per connection, when the operator did not say.</summary>
    public const int AutoPrepared = 64;

    /// <summary>
    /// With Npgsql's automatic preparation: the projection and the journal run the same few INSERTs
    /// and upserts for every row, and unprepared, PostgreSQL parses and plans each one again — its
    /// backend, not the ledger, was what the figures waited for.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Whether the string sets the keyword, however spaced or cased: Npgsql's own builder answers
    /// every keyword it knows as present.
    /// </summary>
    private static bool Names(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
