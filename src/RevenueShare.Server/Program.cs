using RevenueShare.Server;
using RevenueShare.Server.Cli;

MallocArenas.Limit();
return await RevshareCli.RunAsync(args, Console.Out, Console.Error);
