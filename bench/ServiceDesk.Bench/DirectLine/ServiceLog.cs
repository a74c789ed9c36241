namespace ServiceDesk.Bench.DirectLine;

/// <summary>The service's console output: counted by level, the last lines kept for a failure report.</summary>
public sealed class ServiceLog
{
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _errorKinds = new(StringComparer.Ordinal);
    private readonly List<string> _firstError = [];
    private bool _nextIsErrorText;
    private bool _inFirstError;

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Add(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            if (_nextIsErrorText)
            {
                var kind = line.Trim();
                kind = kind.Length > 120 ? kind[..120] : kind;
                _errorKinds[kind] = _errorKinds.GetValueOrDefault(kind) + 1;
                _nextIsErrorText = false;
            }

            var levelLine = line.Length > 5 && line[4] == ':' && !char.IsWhiteSpace(line[0]);
            if (levelLine)
                _inFirstError = false;
            if (_inFirstError && _firstError.Count < 60)
                _firstError.Add(line);
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                if (Errors == 0)
                {
                    _inFirstError = true;
                    _firstError.Add(line);
                }
                Errors++;
                _nextIsErrorText = true;
            }
            else if (line.StartsWith("warn:", StringComparison.Ordinal))
                Warnings++;
            _tail.Enqueue(line);
            while (_tail.Count > 200)
                _tail.Dequeue();
        }
    }

    /// <summary>The most frequent error messages (the first line after each <c>fail:</c>), with their counts.</summary>
    public IEnumerable<string> TopErrors(int count)
    {
        lock (_gate)
            return _errorKinds.OrderByDescending(e => e.Value).Take(count).Select(e => $"{e.Value} × {e.Key}").ToList();
    }

    /// <summary>The first error entry, whole (up to 60 lines): its exception and stack.</summary>
    public string FirstError()
    {
        lock (_gate)
            return string.Join('\n', _firstError);
    }

    public string Tail(int lines)
    {
        lock (_gate)
            return string.Join('\n', _tail.Skip(Math.Max(0, _tail.Count - lines)));
    }
}
