namespace ServiceDesk.Bench.DirectLine;

/// <summary>The service's console output: counted by level, the last lines kept for a failure report.</summary>
public sealed class ServiceLog
{
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Add(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
                Errors++;
            else if (line.StartsWith("warn:", StringComparison.Ordinal))
                Warnings++;
            _tail.Enqueue(line);
            while (_tail.Count > 200)
                _tail.Dequeue();
        }
    }

    public string Tail(int lines)
    {
        lock (_gate)
            return string.Join('\n', _tail.Skip(Math.Max(0, _tail.Count - lines)));
    }
}
