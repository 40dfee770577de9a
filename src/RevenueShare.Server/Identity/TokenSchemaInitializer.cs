namespace RevenueShare.Server.Identity;

/// <summary>
/// Creates the tokens table before the server takes requests. Hosted services start before
/// Kestrel listens, so no request can meet a missing table; a store that cannot be reached stops
/// the start-up with its own error instead of answering 401 to everyone.
/// </summary>
public sealed class TokenSchemaInitializer(TokenStore tokens) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tokens.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
