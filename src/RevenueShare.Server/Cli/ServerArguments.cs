using System.CommandLine;
using System.Net.Http.Headers;

namespace RevenueShare.Server.Cli;

/// <summary>The <c>--server URL --token T</c> pair of the commands that speak to a running ledger over HTTP.</summary>
internal sealed class ServerArguments
{
    private readonly Option<string> server = new("--server")
    {
        Description = "The ledger's base URL, e.g. http://127.0.0.1:5080.",
        HelpName = "URL",
        Required = true,
    };

    private readonly Option<string> token = new("--token")
    {
        Description = "The office's bearer token (revshare tokens create).",
        HelpName = "TOKEN",
        Required = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(server);
        command.Options.Add(token);
    }

    public HttpClient Client(ParseResult result)
    {
        if (!Uri.TryCreate(result.GetRequiredValue(server), UriKind.Absolute, out var baseAddress)
            || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server '{result.GetValue(server)}' is not an http(s) URL.");
        }

        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result.GetRequiredValue(token));
        return client;
    }

    /// <summary>The problem's detail of an error answer, else its status line.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return $"{(int)response.StatusCode} {detail.GetString()}";
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document: fall back to the status line.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
