namespace ServiceDesk.Bot.Cli.Knowledge;

/// <summary>The arguments of a `kb` command: positional words and --name value options (--json is a flag).</summary>
public sealed class KnowledgeCommandLine
{
    private static readonly HashSet<string> Flags = ["--json", "--guess-lang", "--verbose"];

    private KnowledgeCommandLine(List<string> positional, Dictionary<string, string?> options)
    {
        Positional = positional;
        Options = options;
    }

    public List<string> Positional { get; }

    public Dictionary<string, string?> Options { get; }

    public bool Has(string flag) => Options.ContainsKey(flag);

    public string? Value(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <summary>Parses; the error names the option that is wrong.</summary>
    public static (KnowledgeCommandLine? Line, string? Error) Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                if (Flags.Contains(arg))
                {
                    options[arg] = null;
                    continue;
                }
                if (i + 1 >= args.Count) return (null, $"{arg} needs a value");
                options[arg] = args[++i];
                continue;
            }
            positional.Add(arg);
        }
        return (new KnowledgeCommandLine(positional, options), null);
    }
}
