using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RevenueShare.Domain;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Client.Tests;

/// <summary>
/// The generated client as an office's system would hold it: one per office, its bearer token on every
/// request, pointed at a real server of its own (the document's own server is the default address).
/// </summary>
internal sealed class OfficeClients(RunningServer server) : IAsyncDisposable
{
    private readonly List<HttpClient> connections = [];

    public static async Task<OfficeClients> StartAsync() => new(await RunningServer.StartAsync());

    public async Task<RevenueShareClient> ForAsync(Principal office)
    {
        var http = new HttpClient { BaseAddress = server.Client.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.IssueTokenAsync(office));
        connections.Add(http);
        return new RevenueShareClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = server.Client.BaseAddress!.ToString().TrimEnd('/'),
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in connections)
        {
            http.Dispose();
        }

        await server.DisposeAsync();
    }
}
