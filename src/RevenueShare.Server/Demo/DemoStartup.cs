using RevenueShare.Server.Http;

namespace RevenueShare.Server.Demo;

/// <summary>
/// <c>serve --demo</c>: loads the demo (<see cref="DemoLoader"/>) once the ledger runs, then marks the
/// service ready (<see cref="Readiness"/>); until then it refuses requests. <see cref="Loaded"/> gives
/// what was loaded, for the announcement, or the failure that stops the host.
/// </summary>
public sealed class DemoStartup(DemoLoader loader, Readiness readiness, ServeOptions options) : BackgroundService
{
    /// <summary>What <see cref="Readiness"/> says the service waits for meanwhile.</summary>
    public const string Loading = "the demo is being loaded";

    private readonly TaskCompletionSource<(int Agreements, int Reports)> loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The numbers of agreements and reports loaded (0, 0 into a store that already held agreements).</summary>
    public Task<(int Agreements, int Reports)> Loaded => loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var counts = await loader.LoadAsync(options.ContractsDirectory, stoppingToken);
            readiness.MarkReady();
            loaded.SetResult(counts);
        }
        catch (Exception e)
        {
            // Rethrown as well: a demo that fails to load stops the host, as it stopped `serve` before.
            loaded.TrySetException(e);
            throw;
        }
    }
}
