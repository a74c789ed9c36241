// Tiny dispatcher by first argument; each capability adds its own entry.
//   knowledge            knowledge-base search benchmark (1k / 10k / 40k articles)
//   kb <command> ...     knowledge-base admin commands over an in-memory store seeded from deploy/kb
var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "kb":
    {
        using var services = ServiceDesk.Bot.Cli.Knowledge.KnowledgeStandaloneHost.Build();
        return await ServiceDesk.Bot.Cli.Knowledge.KnowledgeCommands.RunAsync(args[1..], services, Console.In, Console.Out, Console.Error);
    }
    case "knowledge":
        return await ServiceDesk.Bench.Knowledge.KnowledgeBenchmark.RunAsync(Console.Out, args.Length > 1 ? [.. args[1..].Select(int.Parse)] : null);
    default:
        Console.Error.WriteLine("usage: ServiceDesk.Bench <knowledge | kb ...>");
        return 2;
}
