// The sandbox: see Server.swift.
