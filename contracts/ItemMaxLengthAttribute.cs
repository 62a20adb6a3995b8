namespace Registry.Contracts;

/// <summary>The longest string each item of a string list may be (the contract's items.maxLength).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
