namespace ServiceDesk.Core.Privacy;

/// <summary>What an erasure deleted or redacted, per kind of record, in the order the kinds were first counted.</summary>
public sealed class PersonErasureTally
{
    private readonly List<KeyValuePair<string, int>> _counts = [];

    /// <summary>Adds <paramref name="count"/> records of <paramref name="kind"/> (e.g. <c>person_profiles</c>); zeros are kept, so a repeat shows every kind.</summary>
    public void Add(string kind, int count)
    {
        var i = _counts.FindIndex(c => c.Key == kind);
        if (i < 0) _counts.Add(new(kind, count));
        else _counts[i] = new(kind, _counts[i].Value + count);
    }

    public IReadOnlyList<KeyValuePair<string, int>> Counts => _counts;
}
