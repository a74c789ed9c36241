namespace ServiceDesk.Core.Knowledge.Analysis;

public enum TokenScript
{
    Latin,
    Cyrillic,
    Other,
}

/// <summary>A word of the source text: its original spelling, folded form and script.</summary>
public sealed record Token(string Original, string Folded, TokenScript Script, int Position)
{
    /// <summary>Product names, error codes and acronyms: digits, inner capitals or all capitals (VPN, OneDrive, 0x80070005, 2FA).</summary>
    public bool LooksLikeCode
    {
        get
        {
            var hasDigit = false;
            var upperCount = 0;
            var innerUpper = false;
            for (var i = 0; i < Original.Length; i++)
            {
                var c = Original[i];
                if (char.IsDigit(c)) hasDigit = true;
                if (char.IsUpper(c))
                {
                    upperCount++;
                    if (i > 0 && char.IsLower(Original[i - 1])) innerUpper = true;
                }
            }
            return hasDigit || innerUpper || (upperCount == Original.Length && Original.Length >= 2);
        }
    }
}
