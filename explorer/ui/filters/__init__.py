"""ui/filters"""
