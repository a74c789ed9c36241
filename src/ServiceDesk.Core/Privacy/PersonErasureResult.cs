namespace ServiceDesk.Core.Privacy;

/// <summary>
/// The outcome of erasing one person: what was deleted or redacted per kind of record, and the pseudonym their kept
/// tickets now carry as requester (null when no ticket was touched). <see cref="NamedInConfiguration"/> warns that the
/// configuration still names them (an engineer or manager): the store forgot them, the settings did not.
/// </summary>
public sealed record PersonErasureResult(
    string PersonId,
    string? Pseudonym,
    IReadOnlyList<KeyValuePair<string, int>> Erased,
    bool NamedInConfiguration)
{
    public int Total => Erased.Sum(e => e.Value);

    /// <summary>True when the store held nothing of the person (a repeated erasure, or a person never seen).</summary>
    public bool NothingFound => Total == 0;
}
