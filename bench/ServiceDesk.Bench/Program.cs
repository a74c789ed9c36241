if (args.FirstOrDefault() == "telegram") return await ServiceDesk.Bench.Telegram.TelegramBench.RunAsync(args[1..]);
Console.WriteLine("bench");
return 0;
