namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>A command word and the rest of the line.</summary>
public sealed record ParsedCommand(string Name, string Args)
{
    /// <summary>Splits off the first word of the arguments (a ticket key, a line, a sub-command).</summary>
    public static (string Head, string Tail) SplitFirst(string args)
    {
        var s = args.Trim();
        var i = s.IndexOfAny([' ', '\n', '\t']);
        return i < 0 ? (s, "") : (s[..i], s[(i + 1)..].Trim());
    }
}
