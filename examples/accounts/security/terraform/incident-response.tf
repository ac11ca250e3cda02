# Deliberately risky: the security account's IAM users may assume this administrator role without
# MFA, and its sessions last four hours.
resource "aws_iam_role" "incident_response" {
  name                 = "incident-response"
  max_session_duration = 14400
  managed_policy_arns  = ["arn:aws:iam::aws:policy/AdministratorAccess"]

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "SecurityAccountUsers"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::222222222222:root" }
      }
    ]
  })

  tags = {
    owner = "security-team"
  }
}
