using RevenueShare.Domain.Figures;
using RevenueShare.Ledger.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server;

namespace RevenueShare.Benchmarks;

/// <summary>
/// What the phases of one benchmark run share: the command line, the stores, the reference data and
/// the generated city-year, and the table and the failures they add to.
/// </summary>
internal sealed class BenchRun
{
    /// <summary>Reports per batch: what <c>revshare import</c> sends per request.</summary>
    public const int BatchSize = 1000;

    public BenchRun(BenchOptions options)
    {
        Options = options;
        Stores = new Stores(options.Postgres, options.Keep);
        Contracts = ContractsLocator.Find();
        Reference = ContractsLocator.LoadReference(Contracts);
        Generator = new Generator(Reference, options.Scale);
        Agreements = Generator.Agreements();
    }

    public BenchOptions Options { get; }

    public Stores Stores { get; }

    public string Contracts { get; }

    public ReferenceData Reference { get; }

    public Generator Generator { get; }

    public IReadOnlyList<GeneratedAgreement> Agreements { get; }

    /// <summary>The table printed at the end, in the order the rows are to be read.</summary>
    public List<(string Figure, string Value, string Target, string Bound)> Rows { get; } = [];

    public List<string> Failures { get; } = [];

    public int ReportCount => Generator.EnterpriseCount * 6 * 12;

    /// <summary>The text for a closing read that gave up after the read barrier's limit, empty when none did.</summary>
    public static string GaveUp(int count) =>
        count == 0 ? string.Empty : $"; the closing read gave up {count} time(s) after the read barrier's 30 s before the read side caught up";

    /// <summary>The ledger without HTTP, on the fixed clock.</summary>
    /// <summary>A batch through the gateway, sent again after its retry time when the ledger is busy (as a reporter does over HTTP after a 429).</summary>
    public static async Task<IReadOnlyList<FigureOutcome>> BookAsync(LedgerGateway gateway, Principal office, IReadOnlyList<FigureReport> reports)
    {
        while (true)
        {
            try
            {
                return await gateway.BookAsync(office, reports, CancellationToken.None);
            }
            catch (LedgerBusyException busy)
            {
                await Task.Delay(busy.RetryAfter);
            }
        }
    }

    public async Task<IHost> StartLedgerAsync(StoreOptions store)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IClock>(new FixedClock());
        builder.Services.AddSingleton(Reference);
        builder.Services.AddLedger(store);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Creates the agreement through the gateway and takes it to Active: submit, every countersignature, approval. Its id.</summary>
    /// <param name="name">The agreement as a refusal names it.</param>
    public async Task<string> ActivateAsync(LedgerGateway gateway, GeneratedAgreement agreement, string name)
    {
        if (!AgreementDocumentReader.TryRead(agreement.Document, Reference, out var terms, out var problems))
        {
            throw new InvalidOperationException($"{name} invalid: {string.Join("; ", problems.Select(p => p.Path + " " + p.Message))}");
        }

        var created = await gateway.CreateAsync(Principal.ForDistrict(agreement.Proposer), terms, CancellationToken.None);
        Check(created, "create");
        var id = created.State!.Id;
        Check(await gateway.SendAsync(new FireTrigger(id, Principal.ForDistrict(agreement.Proposer), LifecycleTrigger.Submit, null, null), CancellationToken.None), "submit");
        foreach (var party in agreement.Countersigners)
        {
            Check(await gateway.SendAsync(new FireTrigger(id, Principal.ForDistrict(party), LifecycleTrigger.Countersign, null, null), CancellationToken.None), "countersign");
        }

        Check(await gateway.SendAsync(new FireTrigger(id, Principal.Finance, LifecycleTrigger.Approve, "benchmark", null), CancellationToken.None), "approve");
        return id.Value;
    }

    private static void Check(AgreementReply reply, string what)
    {
        if (reply.Rejection is not null)
        {
            throw new InvalidOperationException($"{what} refused: {reply.Rejection.Message}");
        }
    }
}
