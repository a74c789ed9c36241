if (args is ["sla", ..]) Environment.Exit(await ServiceDesk.Bench.Sla.SlaMonitorBench.RunAsync(args[1..]));
Console.WriteLine("bench");
