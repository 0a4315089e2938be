"""drop attempts.last_saved_at: a save is now one INSERT ... SELECT from the attempt row

Revision ID: 5d2e8f1a9c34
Revises: 9b1e4c2a7d10
Create Date: 2026-11-30 18:40:00

The column was written on every save (the UPDATE that claimed the attempt) and never read. A save
no longer updates the attempt row, so the column goes; the time of the last save is the newest
``responses.saved_at``, which downgrade copies back.
"""
from alembic import op
import sqlalchemy as sa


revision = '5d2e8f1a9c34'
down_revision = '9b1e4c2a7d10'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_column('last_saved_at')


def downgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_saved_at', sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE attempts SET last_saved_at = "
        "(SELECT max(responses.saved_at) FROM responses WHERE responses.attempt_id = attempts.id)"
    )
