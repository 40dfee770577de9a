using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Tests.Support;

/// <summary>The ledger started for real on a store, as the server hosts it, with a fake clock.</summary>
internal sealed class LedgerHost : IAsyncDisposable
{
    private readonly IHost host;

    private LedgerHost(IHost host) => this.host = host;

    public LedgerGateway Gateway => host.Services.GetRequiredService<LedgerGateway>();

    public ReadModel Reads => host.Services.GetRequiredService<ReadModel>();

    public Akka.Actor.ActorSystem System => host.Services.GetRequiredService<Akka.Actor.ActorSystem>();

    public ReadBarrier Barrier => host.Services.GetRequiredService<ReadBarrier>();

    public LedgerMetrics Metrics => host.Services.GetRequiredService<LedgerMetrics>();

    public ReadDatabase Database => host.Services.GetRequiredService<ReadDatabase>();

    /// <summary>Reads as one answer does: from a snapshot opened now (after the read barrier), closed after.</summary>
    public async Task<T> ReadAsync<T>(Func<ReadSnapshot, Task<T>> read)
    {
        await using var snapshot = await Reads.SnapshotAsync(CancellationToken.None);
        return await read(snapshot);
    }

    /// <param name="overrides">Actor system configuration over the ledger's own (the fault tests' journal).</param>
    public static async Task<LedgerHost> StartAsync(StoreOptions store, IClock clock, LedgerOptions? options = null, Akka.Configuration.Config? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(RepositoryFiles.Reference);
        builder.Services.AddLedger(store, options, overrides);
        var host = builder.Build();
        await host.StartAsync();
        return new LedgerHost(host);
    }

    public static FakeClock ClockAt(string instant) =>
        new(NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
