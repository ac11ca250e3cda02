# Deliberately against the governance rules: people of the dev account sign in through IAM Identity
# Center (governance.identityCenterAccounts in iam-atlas.json), yet this creates an IAM user with a
# password and an access key, and a policy that lets a team create roles without a boundary.

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_access_key" "alice" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_policy" "team_role_admin" {
  name = "team-role-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "CreateTeamRoles"
        Effect   = "Allow"
        Action   = ["iam:CreateRole", "iam:AttachRolePolicy"]
        Resource = "arn:aws:iam::444444444444:role/team/*"
      }
    ]
  })
}
