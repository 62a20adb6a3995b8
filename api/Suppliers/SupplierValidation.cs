using Registry.Api.Http;
using Registry.Api.Places;
using Registry.Api.Taxonomy;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Suppliers;

/// <summary>Checks beyond the contract's annotations: the Japanese codes and the taxonomy. Field names are the wire's.</summary>
public sealed class SupplierValidation(TaxonomyCatalog taxonomy, PlaceCatalog places)
{
    /// <summary>
    /// Whether the site's postal code, prefecture and municipality agree (Places/SitePlaceRules), once their formats are
    /// right: a known municipality, and a postal code of it. Each field's message in the caller's language.
    /// </summary>
    public Dictionary<string, string[]> CheckPlaces(SupplierInput input, bool english) =>
        SitePlaceRules.Check(places, input.PostalCode, input.PrefectureCode, input.MunicipalityCode)
            .ToDictionary(p => p.Key, p => new[] { p.Value.In(english) }, StringComparer.Ordinal);

    public Dictionary<string, string[]> Check(SupplierInput input)
    {
        var errors = Validation.Errors(input);
        Add(errors, "prefectureCode", CodeValidators.PrefectureCode(input.PrefectureCode));
        if (input.CorporateNumber is { } corporate)
        {
            Add(errors, "corporateNumber", CodeValidators.CorporateNumber(corporate));
        }

        if (input.MunicipalityCode is { } municipality)
        {
            Add(errors, "municipalityCode", CodeValidators.MunicipalityCode(municipality, input.PrefectureCode));
        }

        if (input.PostalCode is { } postal)
        {
            Add(errors, "postalCode", CodeValidators.PostalCode(postal));
        }

        if (input.Location is { } location)
        {
            Add(errors, "location", CodeValidators.Location(location.Lat, location.Lon));
        }

        foreach (var (code, i) in (input.IndustryCodes ?? []).Select((c, i) => (c, i)))
        {
            Add(errors, $"industryCodes[{i}]", CodeValidators.ManufacturingIndustry(code));
        }

        if (input.Contact is { } contact)
        {
            Nested(errors, "contact", contact);
        }

        if (input.Capacity is { } capacity)
        {
            Nested(errors, "capacity", capacity);
            Add(errors, "capacity.spareCapacityPct", DataQuality.SpareCapacity(capacity.ContractAcceptance, capacity.SpareCapacityPct));
        }

        if (input.Challenges is { } challenges)
        {
            Nested(errors, "challenges", challenges);
        }

        if (input.Location is { } point)
        {
            Nested(errors, "location", point);
        }

        return errors;
    }

    public Dictionary<string, string[]> Check(CapabilityInput input)
    {
        var errors = Validation.Errors(input);
        Known(errors, "processCode", TaxonomyKind.Processes, input.ProcessCode);
        foreach (var (code, i) in (input.MaterialCodes ?? []).Select((c, i) => (c, i)))
        {
            Known(errors, $"materialCodes[{i}]", TaxonomyKind.Materials, code);
        }

        if (input is { LotMin: { } min, LotMax: { } max } && min > max)
        {
            Add(errors, "lotMax", "lotMax must not be below lotMin.");
        }

        return errors;
    }

    public Dictionary<string, string[]> Check(EquipmentInput input)
    {
        var errors = Validation.Errors(input);
        Known(errors, "typeCode", TaxonomyKind.EquipmentTypes, input.TypeCode);
        if (input.SpecValue is { } value && taxonomy.Find(TaxonomyKind.EquipmentTypes, input.TypeCode)?.KeySpec is { } spec
            && ((double)value < spec.Min || (double)value > spec.Max))
        {
            Add(errors, "specValue", $"{spec.En} of this equipment type is between {spec.Min} and {spec.Max} {spec.Unit}.");
        }

        return errors;
    }

    public Dictionary<string, string[]> Check(CertificationInput input)
    {
        var errors = Validation.Errors(input);
        Known(errors, "code", TaxonomyKind.Certifications, input.Code);
        return errors;
    }

    public Dictionary<string, string[]> Check(StaffInput input)
    {
        var errors = Validation.Errors(input);
        Known(errors, "qualificationCode", TaxonomyKind.Qualifications, input.QualificationCode);
        return errors;
    }

    private void Known(Dictionary<string, string[]> errors, string field, TaxonomyKind kind, string code)
    {
        if (!taxonomy.Exists(kind, code))
        {
            Add(errors, field, $"'{code}' is not a code of the {kind} taxonomy (see /api/v1/taxonomy).");
        }
    }

    private static void Nested(Dictionary<string, string[]> errors, string prefix, object value)
    {
        foreach (var (field, messages) in Validation.Errors(value))
        {
            errors[$"{prefix}.{field}"] = messages;
        }
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
    }
}
