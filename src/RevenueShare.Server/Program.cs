using RevenueShare.Server.Cli;

return await RevshareCli.RunAsync(args, Console.Out, Console.Error);
