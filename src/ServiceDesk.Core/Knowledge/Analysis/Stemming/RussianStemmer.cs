namespace ServiceDesk.Core.Knowledge.Analysis.Stemming;

/// <summary>
/// The Snowball Russian stemmer, written from the algorithm description on snowballstem.org:
/// regions RV and R2; step 1 (perfective gerund, or reflexive + adjectival / verb / noun),
/// step 2 (и), step 3 (derivational ость in R2), step 4 (нн, superlative, ь). Expects ё already folded to е.
/// </summary>
public sealed class RussianStemmer : IStemmer
{
    private static readonly string[] PerfectiveGerund1 = Sorted("в", "вши", "вшись");
    private static readonly string[] PerfectiveGerund2 = Sorted("ив", "ивши", "ившись", "ыв", "ывши", "ывшись");
    private static readonly string[] Adjective = Sorted(
        "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому",
        "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею");
    private static readonly string[] Participle1 = Sorted("ем", "нн", "вш", "ющ", "щ");
    private static readonly string[] Participle2 = Sorted("ивш", "ывш", "ующ");
    private static readonly string[] Reflexive = Sorted("ся", "сь");
    private static readonly string[] Verb1 = Sorted(
        "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно");
    private static readonly string[] Verb2 = Sorted(
        "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло",
        "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю");
    private static readonly string[] Noun = Sorted(
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям",
        "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я");
    private static readonly string[] Superlative = Sorted("ейш", "ейше");
    private static readonly string[] Derivational = Sorted("ост", "ость");

    public string Stem(string word)
    {
        var rv = RegionRv(word);
        if (rv >= word.Length) return word;
        var r2 = RegionR2(word);
        var w = word;

        // Step 1
        if (!RemoveAmong(ref w, rv, PerfectiveGerund1, PerfectiveGerund2))
        {
            RemoveAmong(ref w, rv, [], Reflexive);
            if (!RemoveAdjectival(ref w, rv) && !RemoveAmong(ref w, rv, Verb1, Verb2))
            {
                RemoveAmong(ref w, rv, [], Noun);
            }
        }

        // Step 2
        if (w.Length > rv && w.EndsWith('и')) w = w[..^1];

        // Step 3
        foreach (var suffix in Derivational)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= r2)
            {
                w = w[..^suffix.Length];
                break;
            }
        }

        // Step 4
        if (w.EndsWith("нн", StringComparison.Ordinal) && w.Length - 2 >= rv)
        {
            w = w[..^1];
        }
        else if (RemoveAmong(ref w, rv, [], Superlative))
        {
            if (w.EndsWith("нн", StringComparison.Ordinal) && w.Length - 2 >= rv) w = w[..^1];
        }
        else if (w.EndsWith('ь') && w.Length - 1 >= rv)
        {
            w = w[..^1];
        }
        return w;
    }

    private static string[] Sorted(params string[] suffixes) => suffixes.OrderByDescending(s => s.Length).ToArray();

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я';

    private static int RegionRv(string w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (IsVowel(w[i])) return i + 1;
        }
        return w.Length;
    }

    private static int RegionR2(string w)
    {
        var r1 = After(w, 0);
        return After(w, r1);
    }

    private static int After(string w, int start)
    {
        for (var i = start + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1])) return i + 1;
        }
        return w.Length;
    }

    /// <summary>
    /// Finds the longest ending of either group inside RV (as Snowball's "among" does) and removes it.
    /// A group-1 ending must follow а or я (which stays, and must be inside RV too).
    /// </summary>
    private static bool RemoveAmong(ref string w, int rv, string[] group1, string[] group2)
    {
        string? best = null;
        var bestIsGroup1 = false;
        foreach (var s in group1)
        {
            if ((best is null || s.Length > best.Length) && w.EndsWith(s, StringComparison.Ordinal) && w.Length - s.Length >= rv)
            {
                best = s;
                bestIsGroup1 = true;
            }
        }
        foreach (var s in group2)
        {
            if ((best is null || s.Length > best.Length) && w.EndsWith(s, StringComparison.Ordinal) && w.Length - s.Length >= rv)
            {
                best = s;
                bestIsGroup1 = false;
            }
        }
        if (best is null) return false;
        var start = w.Length - best.Length;
        if (bestIsGroup1 && (start - 1 < rv || w[start - 1] is not ('а' or 'я'))) return false;
        w = w[..start];
        return true;
    }

    private static bool RemoveAdjectival(ref string w, int rv)
    {
        if (!RemoveAmong(ref w, rv, [], Adjective)) return false;
        RemoveAmong(ref w, rv, Participle1, Participle2);
        return true;
    }
}
