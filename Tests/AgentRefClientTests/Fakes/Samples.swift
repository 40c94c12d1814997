import AgentRefDomain
import Foundation

/// Domain values for tests, with fixed dates.
enum Samples {
    static let epoch = Date(timeIntervalSince1970: 1_790_000_000)

    static func program(id: String = "prg_1", name: String = "Northwind", stripeAccountId: String? = nil) -> Program {
        var program = Program(id: id, merchantId: "mer_1", name: name, slug: name.lowercased(), createdAt: epoch, updatedAt: epoch)
        program.stripeAccountId = stripeAccountId
        program.stripeConnectedAt = stripeAccountId == nil ? nil : epoch
        return program
    }

    static func conversion(
        id: String,
        programID: String = "prg_1",
        amount: Int64 = 2900,
        commission: Int64 = 580,
        status: ConversionStatus = .pending,
        minutesAfterEpoch: Double = 0
    ) -> Conversion {
        Conversion(
            id: id,
            affiliateId: "aff_1",
            programId: programID,
            amount: amount,
            commission: commission,
            status: status,
            createdAt: epoch.addingTimeInterval(minutesAfterEpoch * 60),
            currency: .usd
        )
    }

    static func entry(sequence: Int64, programID: String = "prg_1") -> ConversionFeedEntry {
        ConversionFeedEntry(
            sequence: sequence,
            type: .created,
            occurredAt: epoch.addingTimeInterval(Double(sequence)),
            conversion: conversion(id: "cnv_\(sequence)", programID: programID, minutesAfterEpoch: Double(sequence))
        )
    }
}
