using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Indexing;

namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>
/// Searches the index: analyses the query, resolves its words against the vocabulary (stems,
/// unstemmed names, synonyms, then typo candidates for unknown words), fetches FTS5 bm25
/// candidates and re-scores them with field-weighted BM25 where each query word counts once,
/// at the weight of its best matching term; then language preference, feedback and coverage.
/// </summary>
public sealed class KnowledgeSearcher(KnowledgeIndex index, FeedbackMemory feedback, SearchTuning? tuning = null)
{
    private readonly SearchTuning tuning = tuning ?? SearchTuning.Default;

    public KnowledgeSearchOutcome Search(string query, string? language, int top)
    {
        var text = query.Length > KnowledgeQueryRules.MaxAnalysedLength ? query[..KnowledgeQueryRules.MaxAnalysedLength] : query;
        var analysed = index.Analyzer.AnalyzeQuery(text, language);
        if (analysed.Words.Count > tuning.MaxQueryWords)
        {
            analysed = analysed with { Words = analysed.Words.Take(tuning.MaxQueryWords).ToList() };
        }
        top = Math.Clamp(top, 1, 50);
        return index.Read(snapshot => Search(snapshot, analysed, top));
    }

    /// <summary>The normalised terms of a query, sorted and space-joined: the key feedback is stored under.</summary>
    public string QueryKey(string query, string? language)
    {
        var analysed = index.Analyzer.AnalyzeQuery(query.Length > KnowledgeQueryRules.MaxAnalysedLength ? query[..KnowledgeQueryRules.MaxAnalysedLength] : query, language);
        return string.Join(' ', PrimaryTerms(analysed).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> PrimaryTerms(AnalyzedQuery analysed) =>
        analysed.Words.Select(w => w.Terms[0].Term).ToHashSet(StringComparer.Ordinal);

    private KnowledgeSearchOutcome Search(IndexSnapshot snapshot, AnalyzedQuery analysed, int top)
    {
        if (analysed.Words.Count == 0)
        {
            return new KnowledgeSearchOutcome(analysed, [], false, "no searchable words in the query");
        }
        if (snapshot.ArticleCount == 0)
        {
            return new KnowledgeSearchOutcome(analysed, [], false, "the knowledge base is empty");
        }

        var words = analysed.Words.Select(w => Resolve(snapshot, w)).ToList();
        var matchTerms = CandidateTerms(snapshot, words);
        var rows = snapshot.Candidates(matchTerms, tuning.CandidateLimit);
        var totalImportance = words.Sum(w => w.Importance);
        var queryTerms = PrimaryTerms(analysed);

        var scored = new List<(IndexedArticle Article, double Score, double Coverage, double MatchedIdf, double Prominent)>(rows.Count);
        foreach (var row in rows)
        {
            var article = snapshot.Article(row);
            var (bm25, covered, matchedIdf, prominentCovered) = ScoreArticle(snapshot, article, words);
            var coverage = totalImportance > 0 ? covered / totalImportance : 0;
            var prominent = totalImportance > 0 ? prominentCovered / totalImportance : 0;
            var score = bm25
                * (article.Language == analysed.Language ? 1.0 : tuning.OtherLanguageFactor)
                * feedback.Factor(article.ArticleId, queryTerms)
                * (1 - tuning.CoverageInfluence + tuning.CoverageInfluence * coverage)
                * (1 + tuning.ProminenceInfluence * prominent);
            scored.Add((article, score, coverage, matchedIdf, prominent));
        }
        scored.Sort((a, b) => b.Score.CompareTo(a.Score));

        var hits = scored.Take(top)
            .Select(s => new KnowledgeHit(s.Article.ArticleId, s.Article.Title, s.Article.Language, Math.Round(s.Score, 4), Math.Round(s.Coverage, 3), s.Article.Snippet))
            .ToList();
        if (scored.Count == 0)
        {
            return new KnowledgeSearchOutcome(analysed, hits, false, "no article matches any query word");
        }
        var best = scored[0];
        var (confident, reason) = Judge(new ConfidenceEvidence(best.Coverage, best.Prominent, best.MatchedIdf / snapshot.Idf(1), best.Score, scored.Count > 1 ? scored[1].Score : 0));
        return new KnowledgeSearchOutcome(analysed, hits, confident, reason);
    }

    /// <summary>
    /// The confidence rule: not a score threshold, but how much of the query the best article
    /// explains (idf-weighted coverage), whether what it explains is specific, and its lead.
    /// </summary>
    public (bool Confident, string Reason) Judge(ConfidenceEvidence evidence)
    {
        var (coverage, prominent, matchedIdf, bestScore, secondScore) = evidence;
        if (coverage < tuning.MinCoverage)
        {
            return (false, $"best article covers {coverage:P0} of the query (needs {tuning.MinCoverage:P0})");
        }
        if (prominent < tuning.MinProminentCoverage)
        {
            return (false, $"title and tags of the best article cover only {prominent:P0} of the query (needs {tuning.MinProminentCoverage:P0})");
        }
        if (matchedIdf < tuning.MinMatchedIdfShare)
        {
            return (false, $"matched words are too common (idf share {matchedIdf:F2} < {tuning.MinMatchedIdfShare:F2})");
        }
        if (coverage < tuning.StrongCoverage && secondScore > 0 && bestScore / secondScore < tuning.MinMarginRatio)
        {
            return (false, $"partial coverage {coverage:P0} and no clear lead over the next article");
        }
        return (true, $"best article covers {coverage:P0} of the query");
    }

    /// <summary>
    /// The terms the FTS5 candidate query uses: rarest first, until their postings reach the budget
    /// (common words are still scored for every candidate, they just do not pull in candidates).
    /// </summary>
    private List<string> CandidateTerms(IndexSnapshot snapshot, List<ResolvedWord> words)
    {
        var ordered = words.SelectMany(w => w.Terms).Select(t => t.TermId).Distinct()
            .OrderBy(snapshot.DocumentFrequency).ToList();
        var budget = Math.Max(tuning.CandidatePostingsBudget, tuning.CandidateLimit);
        var terms = new List<string>();
        var postings = 0;
        foreach (var id in ordered)
        {
            if (terms.Count > 0 && postings + snapshot.DocumentFrequency(id) > budget) break;
            terms.Add(snapshot.Term(id));
            postings += snapshot.DocumentFrequency(id);
        }
        return terms;
    }

    private ResolvedWord Resolve(IndexSnapshot snapshot, QueryWord word)
    {
        var terms = new List<(int TermId, double Weight, TermOrigin Origin)>();
        foreach (var t in word.Terms)
        {
            if (snapshot.TermId(t.Term) is { } id && terms.All(x => x.TermId != id)) terms.Add((id, t.Weight, t.Origin));
        }
        var maxIdf = snapshot.Idf(1);
        if (terms.Count == 0)
        {
            var candidates = new Dictionary<int, int>();
            foreach (var form in new[] { word.Terms[0].Term, word.Folded }.Distinct())
            {
                foreach (var (id, distance) in snapshot.TypoCandidates(form))
                {
                    candidates[id] = candidates.TryGetValue(id, out var d) ? Math.Min(d, distance) : distance;
                }
            }
            foreach (var (id, distance) in candidates
                         .OrderBy(c => c.Value).ThenByDescending(c => snapshot.DocumentFrequency(c.Key))
                         .Take(tuning.TypoCandidatesPerWord))
            {
                terms.Add((id, distance == 1 ? tuning.TypoWeight1 : tuning.TypoWeight2, TermOrigin.Typo));
            }
            var stem = word.Terms[0].Term;
            if (tuning.PrefixWeight > 0 && stem.Length >= tuning.MinPrefixLength)
            {
                foreach (var id in snapshot.TermsStartingWith(stem, tuning.TypoCandidatesPerWord))
                {
                    if (terms.All(t => t.TermId != id)) terms.Add((id, tuning.PrefixWeight, TermOrigin.Prefix));
                }
            }
        }
        var importance = terms.Count == 0
            ? maxIdf * tuning.UnknownWordImportance
            : terms.Max(t => snapshot.Idf(snapshot.DocumentFrequency(t.TermId)));
        return new ResolvedWord(word, terms, importance);
    }

    private (double Score, double Covered, double MatchedIdf, double ProminentCovered) ScoreArticle(IndexSnapshot snapshot, IndexedArticle article, List<ResolvedWord> words)
    {
        var norm = tuning.K1 * (1 - tuning.B + tuning.B * article.Length / snapshot.AverageLength);
        double score = 0, covered = 0, matchedIdf = 0, prominentCovered = 0;
        foreach (var word in words)
        {
            double best = 0, bestWeight = 0, bestIdf = 0, prominentWeight = 0;
            foreach (var (termId, weight, _) in word.Terms)
            {
                var at = article.IndexOf(termId);
                if (at < 0) continue;
                var tf = article.WeightedFrequencies[at];
                var idf = snapshot.Idf(snapshot.DocumentFrequency(termId));
                var s = weight * idf * tf * (tuning.K1 + 1) / (tf + norm);
                if (s > best) best = s;
                if (weight > bestWeight) (bestWeight, bestIdf) = (weight, idf);
                if (article.TitleOrTagFrequencies[at] > 0 && weight > prominentWeight) prominentWeight = weight;
            }
            prominentCovered += word.Importance * prominentWeight;
            score += best;
            covered += word.Importance * bestWeight;
            matchedIdf += bestIdf * bestWeight;
        }
        return (score, covered, matchedIdf, prominentCovered);
    }
}
