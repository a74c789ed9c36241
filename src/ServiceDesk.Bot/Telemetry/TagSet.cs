namespace ServiceDesk.Bot.Telemetry;

/// <summary>
/// A measurement's tags as given, compared by key and value: finds a series' totals without rendering the Prometheus
/// labels on every measurement (that was a string, a sort and a join per turn and per HTTP request).
/// </summary>
internal readonly struct TagSet(KeyValuePair<string, object?>[] tags) : IEquatable<TagSet>
{
    private readonly KeyValuePair<string, object?>[] _tags = tags;

    public bool Equals(TagSet other)
    {
        if (_tags.Length != other._tags.Length) return false;
        for (var i = 0; i < _tags.Length; i++)
        {
            if (!string.Equals(_tags[i].Key, other._tags[i].Key, StringComparison.Ordinal) || !Equals(_tags[i].Value, other._tags[i].Value))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is TagSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _tags)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }
}
