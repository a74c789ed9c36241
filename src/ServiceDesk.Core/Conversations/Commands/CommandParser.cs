namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>
/// The command grammar shared by every channel: an optional leading <c>/</c>, a command word (a Telegram
/// <c>@botname</c> suffix is dropped), and the rest of the line as arguments.
/// </summary>
public static class CommandParser
{
    public static ParsedCommand? Parse(string text, IReadOnlySet<string> knownCommands)
    {
        var s = text.TrimStart();
        var slash = s.StartsWith('/');
        if (slash) s = s[1..];
        var (word, rest) = ParsedCommand.SplitFirst(s);
        var at = word.IndexOf('@');
        if (at > 0) word = word[..at];
        word = word.ToLowerInvariant();
        return knownCommands.Contains(word) ? new ParsedCommand(word, rest, slash) : null;
    }

    /// <summary>True when the text was clearly meant as a command (a leading slash) though its word is unknown.</summary>
    public static bool LooksLikeCommand(string text) => text.TrimStart().StartsWith('/') && text.Trim().Length > 1;
}
