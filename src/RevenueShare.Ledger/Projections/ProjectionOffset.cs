using System.Data;
using System.Globalization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// How far into the journal a projection has written (<c>projection_offsets</c>): saved in the
/// transaction of the rows it covers, so the tables are never ahead of or behind it, and loaded where
/// the projection starts again. Saving checks that the offset is still the one the batch started from:
/// should two projections ever run at once (a node thought dead that still writes), the second to
/// commit a batch of the same events fails and starts again from what the first wrote, rather than
/// project the events twice.
/// </summary>
internal static class ProjectionOffset
{
    public static async Task<long> LoadAsync(ReadDatabase database, string projection, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM projection_offsets WHERE name = @name";
        ReadParameters.Add(command, "name", projection);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    public static async Task SaveAsync(ProjectionTransaction transaction, string projection, long startedFrom, long position, CancellationToken cancellationToken)
    {
        var save = transaction.Command(
            """
            INSERT INTO projection_offsets (name, position) VALUES (@name, @position)
            ON CONFLICT (name) DO UPDATE SET position = excluded.position WHERE projection_offsets.position = @started
            """,
            ("name", DbType.String),
            ("position", DbType.Int64),
            ("started", DbType.Int64));
        save.Parameters[0].Value = projection;
        save.Parameters[1].Value = position;
        save.Parameters[2].Value = startedFrom;
        if (await save.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException(
                $"The {projection} projection's offset is no longer {startedFrom.ToString(CultureInfo.InvariantCulture)}: another projection wrote the read tables meanwhile; this batch is rolled back.");
        }
    }
}
