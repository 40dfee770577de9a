using System.Data;
using System.Data.Common;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// The parameters of every statement run against the read database, reads and projection alike. Each
/// is named with its <c>@</c> prefix: Microsoft.Data.Sqlite looks an unprefixed name up under each of
/// its three prefixes on every execution, which was most of the projection's insert time
/// (docs/decisions.md, "The projection's write path"); Npgsql takes either form.
/// </summary>
internal static class ReadParameters
{
    /// <summary>Adds <c>@name</c> with its value (null as SQL NULL), for a statement run once.</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Names and types <paramref name="parameter"/>, for a statement prepared once and run per row:
    /// PostgreSQL prepares against the types, and cannot type a parameter that has no value yet.
    /// </summary>
    public static DbParameter Typed(DbParameter parameter, string name, DbType type)
    {
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        return parameter;
    }
}
