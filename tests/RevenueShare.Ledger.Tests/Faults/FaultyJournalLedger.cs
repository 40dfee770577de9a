using System.Collections.Immutable;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Storage;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Faults;

/// <summary>
/// The ledger hosted as the server hosts it (<see cref="LedgerHosting.AddLedger"/>), talked to through
/// its <see cref="LedgerGateway"/> only, with the persistence test kit's journal in place of the store's,
/// so a test can make its writes fail or hang (<see cref="Journal"/>). The read side stays on a SQLite
/// store and sees none of these writes: the tests read an agreement from its actor (<see cref="LedgerGateway.GetAsync"/>), which is
/// what a failed write could have left half applied.
/// </summary>
internal sealed class FaultyJournalLedger : IAsyncDisposable
{
    /// <summary>The journal's circuit breaker gives up on a write after this long: a "timeout".</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    public static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");

    private static readonly Config TestJournal = ConfigurationFactory.ParseString($$"""
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          call-timeout = {{CallTimeout.TotalSeconds}}s
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test.class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"

        # The read side's query journal asks its write plugin for its settings: the store's, still there.
        akka.persistence.query.journal.sql.write-plugin = "akka.persistence.journal.sql"
        """);

    private readonly string folder;
    private readonly bool ownsFolder;
    private readonly LedgerHost host;

    private FaultyJournalLedger(string folder, bool ownsFolder, LedgerHost host)
    {
        this.folder = folder;
        this.ownsFolder = ownsFolder;
        this.host = host;
    }

    public LedgerGateway Gateway => host.Gateway;

    public Reads.ReadModel Reads => host.Reads;

    /// <summary>Reads as one answer does (<see cref="LedgerHost.ReadAsync"/>).</summary>
    public Task<T> ReadAsync<T>(Func<Reads.ReadSnapshot, Task<T>> read) => host.ReadAsync(read);

    /// <summary>The read database's file.</summary>
    public string ReadFile => Path.Combine(folder, StoreOptions.ReadFileName);

    /// <summary>How long the oldest acknowledged write not yet readable has waited.</summary>
    public TimeSpan Lag => host.Barrier.Lag;

    public ITestJournal Journal => Akka.Persistence.TestKit.TestJournal.FromRef(Persistence.Instance.Apply(host.System).JournalFor(null));

    /// <param name="testJournal">False: the store's own journal, for faults of the read side.</param>
    /// <param name="folder">The store's folder, kept at the end so a test can start again on it; by default a new one, deleted at the end.</param>
    /// <param name="readSideMaxBytes">The bound of the read database (<see cref="StoreOptions.ReadSideMaxBytes"/>).</param>
    public static async Task<FaultyJournalLedger> StartAsync(bool testJournal = true, string? folder = null, long? readSideMaxBytes = null)
    {
        var owned = folder is null;
        folder ??= NewFolder();
        var store = StoreOptions.Sqlite(folder) with { ReadSideMaxBytes = readSideMaxBytes };
        return new FaultyJournalLedger(folder, owned, await LedgerHost.StartAsync(store, LedgerHost.ClockAt("2025-06-01T00:00:00Z"), overrides: testJournal ? TestJournal : null));
    }

    /// <summary>A folder for a store of its own, under the temporary folder.</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "revshare-faults-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates, submits and countersigns an agreement of <see cref="Enterprise"/>: it awaits approval.</summary>
    public async Task<AgreementId> AwaitingApprovalAsync(string title = "故障测试协议")
    {
        var created = await Gateway.CreateAsync(Proposer, Terms(title), CancellationToken.None);
        var id = created.State!.Id;
        await Gateway.SendAsync(new FireTrigger(id, Proposer, LifecycleTrigger.Submit, null, null), CancellationToken.None);
        var signed = await Gateway.SendAsync(new FireTrigger(id, Host, LifecycleTrigger.Countersign, null, null), CancellationToken.None);
        Assert.Equal(AgreementStatus.AwaitingApproval, signed.State!.Status);
        return id;
    }

    public static FireTrigger Approve(AgreementId id) => new(id, Principal.Finance, LifecycleTrigger.Approve, "符合政策", null);

    public static FireTrigger Reject(AgreementId id) => new(id, Principal.Finance, LifecycleTrigger.Reject, "不符合政策", null);

    public static BookFigures Book(AgreementId id, string reportId, string amount, int month = 3) =>
        new(id, Principal.Tax, [Report(reportId, amount, month)]);

    public static FigureReport Report(string reportId, string amount, int month) =>
        new(reportId, Enterprise, RepositoryFiles.Indicator("vat"), new YearMonth(2025, month), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), 1);

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsFolder)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Principal Proposer => Principal.ForDistrict(DistrictCode.Parse("440103"));

    private static Principal Host => Principal.ForDistrict(DistrictCode.Parse("440115"));

    private static AgreementTerms Terms(string title) => new(
        title,
        AgreementModel.HqRndManufacturing,
        [new Party(DistrictCode.Parse("440103"), PartyRole.Origin), new Party(DistrictCode.Parse("440115"), PartyRole.Host)],
        new EffectivePeriod(new YearMonth(2025, 1), new YearMonth(2029, 12)),
        [new CoveredEnterprise(Enterprise, "示例", DistrictCode.Parse("440115"), ImmutableDictionary<Indicator, decimal>.Empty, null)],
        [new SharingTerm([RepositoryFiles.Indicator("vat")], AllocationMode.Split, [new RatioStep(new YearMonth(2025, 1), ImmutableDictionary<DistrictCode, decimal>.Empty.Add(DistrictCode.Parse("440103"), 60m).Add(DistrictCode.Parse("440115"), 40m))])]);
}
