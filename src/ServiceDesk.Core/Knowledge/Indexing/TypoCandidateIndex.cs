namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>
/// Finds index terms within 1–2 edits of a word (symmetric deletion neighbourhood, verified with
/// the optimal-string-alignment Damerau–Levenshtein distance). Words of 4–7 letters allow one edit,
/// longer words two; shorter words none (too many false friends). Deletion variants are kept as
/// 64-bit hashes, not strings, so the neighbourhood of a 40,000-article vocabulary stays compact;
/// a hash collision only adds a candidate that the distance check then drops.
/// </summary>
public sealed class TypoCandidateIndex
{
    /// <summary>At most this many distinct candidates are verified per word (bounds the cost of dense neighbourhoods).</summary>
    public const int MaxVerified = 300;

    private const int MaxWordLength = 40;
    private readonly Dictionary<ulong, int> single = [];
    private readonly Dictionary<ulong, List<int>> multiple = [];

    public static int MaxDistanceFor(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    public void Add(string term, int termId)
    {
        var distance = MaxDistanceFor(term.Length);
        if (distance == 0 || term.Length > MaxWordLength) return;
        foreach (var hash in DeletionHashes(term, distance))
        {
            if (multiple.TryGetValue(hash, out var list))
            {
                if (!list.Contains(termId)) list.Add(termId);
            }
            else if (single.TryGetValue(hash, out var existing))
            {
                if (existing == termId) continue;
                single.Remove(hash);
                multiple[hash] = [existing, termId];
            }
            else
            {
                single[hash] = termId;
            }
        }
    }

    /// <summary>Candidate term ids with their edit distance (≥ 1) to <paramref name="word"/>.</summary>
    public IEnumerable<(int TermId, int Distance)> Find(string word, Func<int, string> termOf)
    {
        var maxDistance = MaxDistanceFor(word.Length);
        if (maxDistance == 0 || word.Length > MaxWordLength) yield break;
        var seen = new HashSet<int>();
        foreach (var hash in DeletionHashes(word, maxDistance))
        {
            if (single.TryGetValue(hash, out var one))
            {
                if (seen.Count >= MaxVerified) yield break;
                if (seen.Add(one) && Check(word, termOf(one), maxDistance) is { } d) yield return (one, d);
            }
            else if (multiple.TryGetValue(hash, out var ids))
            {
                foreach (var id in ids)
                {
                    if (seen.Count >= MaxVerified) yield break;
                    if (seen.Add(id) && Check(word, termOf(id), maxDistance) is { } d) yield return (id, d);
                }
            }
        }
    }

    private static int? Check(string word, string term, int maxDistance)
    {
        var allowed = Math.Min(maxDistance, MaxDistanceFor(term.Length));
        if (allowed == 0) return null;
        var distance = EditDistance.Compute(word, term, allowed);
        return distance >= 1 && distance <= allowed ? distance : null;
    }

    /// <summary>Hashes of the word with 0, 1 and (for distance 2) 2 characters deleted, closest first.</summary>
    private static List<ulong> DeletionHashes(string word, int distance)
    {
        var hashes = new List<ulong> { Hash(word, -1, -1) };
        for (var i = 0; i < word.Length; i++) hashes.Add(Hash(word, i, -1));
        if (distance >= 2)
        {
            for (var i = 0; i < word.Length; i++)
            {
                for (var j = i + 1; j < word.Length; j++) hashes.Add(Hash(word, i, j));
            }
        }
        return hashes;
    }

    /// <summary>FNV-1a over the word without the characters at <paramref name="skip1"/> and <paramref name="skip2"/>, plus the length.</summary>
    private static ulong Hash(string word, int skip1, int skip2)
    {
        var hash = 14695981039346656037UL;
        var length = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (i == skip1 || i == skip2) continue;
            hash = (hash ^ word[i]) * 1099511628211UL;
            length++;
        }
        return (hash ^ (ulong)length) * 1099511628211UL;
    }
}
