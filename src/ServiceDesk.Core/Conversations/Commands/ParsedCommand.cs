namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>A command word and the rest of the line; <see cref="Explicit"/> when typed with a leading slash.</summary>
public sealed record ParsedCommand(string Name, string Args, bool Explicit = false)
{
    /// <summary>Splits off the first word of the arguments (a ticket key, a line, a sub-command).</summary>
    public static (string Head, string Tail) SplitFirst(string args)
    {
        var s = args.Trim();
        var i = s.IndexOfAny([' ', '\n', '\t']);
        return i < 0 ? (s, "") : (s[..i], s[(i + 1)..].Trim());
    }
}
