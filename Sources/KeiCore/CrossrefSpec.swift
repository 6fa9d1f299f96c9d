/// Crossref deposit settings. The journal file's `crossref:` section names the depositor and registrant;
/// the workflow's `deposit:` section gives the batch id and timestamp of this deposit.
public struct CrossrefSpec: Sendable, Hashable {
    /// `depositor-name`, `depositor-email`: who Crossref writes back to about the deposit.
    public var depositorName: String?
    public var depositorEmail: String?
    /// `registrant`: the organisation registering the DOIs.
    public var registrant: String?

    public init() {}
}

/// The deposit of one issue (workflow `deposit:`): `batch-id` (Crossref's `doi_batch_id`, unique per
/// deposit) and `timestamp` (Crossref's `timestamp`, an integer that must grow with every deposit of the
/// same DOIs, conventionally yyyyMMddHHmmss). When the workflow gives no timestamp, `emit.crossref`
/// derives it from `SOURCE_DATE_EPOCH` (reproducible builds), never from the clock.
public struct DepositSpec: Sendable, Hashable {
    public var batchID: String?
    public var timestamp: String?

    public init() {}
}
