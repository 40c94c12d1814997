print("agentref")
