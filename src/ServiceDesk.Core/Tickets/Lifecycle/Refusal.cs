namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>Why a command was refused: a text key of the catalog and its arguments, so the reply is localized.</summary>
public sealed record Refusal(string TextKey, IReadOnlyDictionary<string, object?> Args)
{
    public static Refusal Of(string key, params (string Name, object? Value)[] args) =>
        new(key, args.ToDictionary(a => a.Name, a => a.Value));
}
