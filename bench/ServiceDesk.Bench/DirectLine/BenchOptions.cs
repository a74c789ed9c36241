using System.Globalization;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>Command line of <c>directline</c>: how many conversations, against what.</summary>
public sealed record BenchOptions(int Conversations, int Rounds, TimeSpan Think, string? Url, bool ChannelOnly, string Problem, TimeSpan TurnTimeout, int MaxTurns, double Rate, TimeSpan Warmup, bool Lockstep)
{
    public const string Usage = """
        directline [--conversations N] [--rounds R] [--rate TURNS_PER_S | --think-ms T] [--warmup-seconds W] [--lockstep] [--url http://127.0.0.1:5080] [--channel-only] [--problem TEXT]
          Drives N concurrent Direct Line conversations, each a full intake (problem → "Not that" → buttons → ticket key),
          R intakes one after another per simulated user (default 3), and prints turns/s and p50/p99 turn latency (user
          activity posted → first bot reply on the WebSocket). --think-ms pauses each user between turns (default 0:
          closed loop, each user sends its next turn as soon as the reply arrives). --rate paces the users instead: each
          starts a turn every N/rate seconds on a fixed schedule, so N users offer that many turns per second; they go
          through intakes one after another, start spread over one intake, and the turns started in a window of R
          intakes' length after the warm-up are measured. --lockstep starts them within one pace interval instead: all
          then reach the same step (and create their tickets) in the same interval.
          --warmup-seconds (default 30) runs unmeasured intakes that long first: a fresh service needs ~20,000 turns
          before JIT tiering settles (until then a turn costs up to twice the CPU).
          Without --url it starts the real service (ServiceDesk.Bot.dll) on loopback with a fresh data directory on disk.
          --channel-only hosts just the web channel in-process with a scripted intake: the Direct Line layer's own cost.
        """;

    public static BenchOptions Parse(string[] args)
    {
        var conversations = 200;
        var rounds = 3;
        var think = 0;
        string? url = null;
        var channelOnly = false;
        var problem = "VPN does not connect";
        var maxTurns = 15;
        var rate = 0.0;
        var warmup = 30.0;
        var lockstep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--conversations": conversations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--think-ms": think = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--url": url = args[++i].TrimEnd('/'); break;
                case "--channel-only": channelOnly = true; break;
                case "--problem": problem = args[++i]; break;
                case "--rate": rate = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup-seconds": warmup = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--lockstep": lockstep = true; break;
                case "--max-turns": maxTurns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }

        if (conversations < 1 || rounds < 1 || think < 0 || rate < 0 || warmup < 0)
            throw new ArgumentException("--conversations and --rounds must be at least 1; --think-ms, --rate and --warmup-seconds at least 0");
        if (lockstep && rate <= 0)
            throw new ArgumentException("--lockstep needs --rate");
        if (rate > 0 && think > 0)
            throw new ArgumentException("--rate and --think-ms exclude each other");
        return new BenchOptions(conversations, rounds, TimeSpan.FromMilliseconds(think), url, channelOnly, problem, TimeSpan.FromSeconds(30), maxTurns, rate, TimeSpan.FromSeconds(warmup), lockstep);
    }

    /// <summary>With <see cref="Rate"/>: how often each user starts a turn.</summary>
    public TimeSpan Pace => Rate > 0 ? TimeSpan.FromSeconds(Conversations / Rate) : TimeSpan.Zero;
}
