namespace RevenueShare.Server.Presentation;

/// <summary>How a column's cells are shown: amounts right-aligned in tabular figures, codes lighter, text as it is.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>A code kept for machines and cross-checking (区划代码, 指标代码, 统一社会信用代码).</summary>
    Code,

    /// <summary>An amount, already formatted at its indicator's scale; its unit is in the header.</summary>
    Amount,

    /// <summary>A page of the ledger to go to (a path); a link on the page, the path in an export.</summary>
    Link,
}
