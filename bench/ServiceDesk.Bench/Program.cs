// The benchmark program: dispatch by the first argument; each capability has its own entry.
//   knowledge [sizes…]   knowledge-base index build and search latency (1k / 10k / 40k articles)
//   sla [...]            SLA monitor pass cost at 10k / 100k / 1M open tickets
//   telegram [...]       Telegram polling throughput and latency against the fake Bot API (and grammY as reference)
//   directline [...]     concurrent full intakes over Direct Line on loopback: turns/s, p50/p99
//   engine [...]         the conversation engine alone (no HTTP): turns/s and CPU per turn
//   kb <command> ...     knowledge-base admin commands over an in-memory store seeded from deploy/kb
switch (args.FirstOrDefault())
{
    case "kb":
    {
        using var services = ServiceDesk.Bot.Cli.Knowledge.KnowledgeStandaloneHost.Build();
        return await ServiceDesk.Bot.Cli.Knowledge.KnowledgeCommands.RunAsync(args[1..], services, Console.In, Console.Out, Console.Error);
    }
    case "knowledge":
        return await ServiceDesk.Bench.Knowledge.KnowledgeBenchmark.RunAsync(Console.Out, args.Length > 1 ? [.. args[1..].Select(int.Parse)] : null);
    case "sla":
        return await ServiceDesk.Bench.Sla.SlaMonitorBench.RunAsync(args[1..]);
    case "telegram":
        return await ServiceDesk.Bench.Telegram.TelegramBench.RunAsync(args[1..]);
    case "directline":
        return await ServiceDesk.Bench.DirectLine.DirectLineBench.RunAsync(args[1..]);
    case "engine":
        return await ServiceDesk.Bench.Engine.EngineBench.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: ServiceDesk.Bench <knowledge | sla | telegram | directline | engine | kb ...>");
        return 2;
}
