using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Cli;

/// <summary>
/// <c>revshare tokens create|list|revoke</c>: issuing tokens is an operator's act on the server
/// machine, not an API call, so no token can mint another (docs/interfaces.md, Tokens).
/// </summary>
internal static class TokensCommand
{
    private static readonly InstantPattern Shown = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    public static Command Create(StoreArguments store, TextWriter stdout, TextWriter stderr, IClock clock)
    {
        var command = new Command("tokens", "Issue, list and revoke office tokens.");
        command.Subcommands.Add(CreateCommand(store, stdout, stderr, clock));
        command.Subcommands.Add(ListCommand(store, stdout));
        command.Subcommands.Add(RevokeCommand(store, stdout, stderr, clock));
        return command;
    }

    private static Command CreateCommand(StoreArguments store, TextWriter stdout, TextWriter stderr, IClock clock)
    {
        var office = new Option<string>("--office")
        {
            Description = "The office's principal id: district:<code>, statistics, tax or finance.",
            HelpName = "PRINCIPAL",
            Required = true,
        };
        var command = new Command("create", "Issue a token; prints the token alone on stdout (it is not stored and cannot be shown again).");
        command.Options.Add(office);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var contracts = store.ContractsDirectory(result);
            var reference = ContractsLocator.LoadReference(contracts);
            if (!Principal.TryParse(result.GetValue(office), reference, out var principal, out var error))
            {
                throw new UsageException(error);
            }

            var tokens = await OpenAsync(store, result, reference, cancellationToken);
            var issued = await tokens.CreateAsync(principal, clock.GetCurrentInstant(), cancellationToken);
            await stderr.WriteLineAsync($"Issued {issued.Id} for {principal}.");
            await stdout.WriteLineAsync(issued.Secret);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListCommand(StoreArguments store, TextWriter stdout)
    {
        var command = new Command("list", "List tokens (id, office, created, revoked); never their secrets.");
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var reference = ContractsLocator.LoadReference(store.ContractsDirectory(result));
            var tokens = await OpenAsync(store, result, reference, cancellationToken);
            var rows = (await tokens.ListAsync(cancellationToken))
                .Select(t => new[] { t.Id, t.Office, Shown.Format(t.CreatedAt), t.RevokedAt is { } r ? Shown.Format(r) : "-" })
                .Prepend(["ID", "OFFICE", "CREATED", "REVOKED"])
                .ToList();
            var widths = Enumerable.Range(0, 4).Select(i => rows.Max(row => row[i].Length)).ToArray();
            foreach (var row in rows)
            {
                var line = string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd();
                await stdout.WriteLineAsync(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RevokeCommand(StoreArguments store, TextWriter stdout, TextWriter stderr, IClock clock)
    {
        var id = new Argument<string>("id") { Description = "The token's id (tok_...), as listed." };
        var command = new Command("revoke", "Revoke a token; it stops working at once.");
        command.Arguments.Add(id);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var reference = ContractsLocator.LoadReference(store.ContractsDirectory(result));
            var tokens = await OpenAsync(store, result, reference, cancellationToken);
            var tokenId = result.GetRequiredValue(id);
            if (!await tokens.RevokeAsync(tokenId, clock.GetCurrentInstant(), cancellationToken))
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"revshare: no active token '{tokenId}' (unknown or already revoked)."));
                return ExitCodes.Failed;
            }

            await stdout.WriteLineAsync($"Revoked {tokenId}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<TokenStore> OpenAsync(StoreArguments store, ParseResult result, Domain.Reference.ReferenceData reference, CancellationToken cancellationToken)
    {
        var tokens = new TokenStore(new ReadDatabase(store.Store(result)), reference);
        await tokens.EnsureSchemaAsync(cancellationToken);
        return tokens;
    }
}
