namespace ServiceDesk.Core.Knowledge.Analysis.Stemming;

/// <summary>Reduces a folded (lower-case) word to its stem.</summary>
public interface IStemmer
{
    string Stem(string word);
}
