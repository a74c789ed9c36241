if (args is ["directline", ..]) Environment.Exit(await ServiceDesk.Bench.DirectLine.DirectLineBench.RunAsync(args[1..]));
Console.WriteLine("bench");
