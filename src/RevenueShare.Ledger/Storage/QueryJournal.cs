using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// The store's query journal, opened once its write journal has made the store's tables.
/// Akka.Persistence.Sql's read journal waits a fixed 5 s for that, blocking in its constructor, and fails
/// past it: a first start on a slow processor (an arm64 build run under emulation by the packaging
/// tests, a cold start on a busy machine) takes longer, so the wait is ours, with a bound of our own.
/// </summary>
public static class QueryJournal
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A persistence id no actor has: the replay asked for it finds nothing.</summary>
    private const string NoOne = "revshare-journal-start";

    public static async Task<SqlReadJournal> OpenAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        // The write journal the read journal will ask: the one it is configured with, or the default.
        var writePlugin = system.Settings.Config.GetString(SqlReadJournal.Identifier + ".write-plugin", null);
        var writeJournal = Persistence.Instance.Apply(system).JournalFor(string.IsNullOrEmpty(writePlugin) ? null : writePlugin);

        // The write journal keeps every request until its tables are made; the plugin's own readiness
        // question is internal, and a replay of nothing is the cheapest request its public protocol answers.
        var answer = await writeJournal.Ask<IJournalResponse>(replyTo => new ReplayMessages(0, 0, 0, NoOne, replyTo), StartTimeout, cancellationToken);
        if (answer is ReplayMessagesFailure failure)
        {
            throw new InvalidOperationException("The journal failed to start.", failure.Cause);
        }

        return PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
    }
}
